package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.eventline.app.cli.BuildVersion;
import io.eventline.core.envelope.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document at {@code /api/openapi.json} against the running API: every route registered is
 * documented and every documented route is registered (but those of services this instance does not
 * run, which say whose they are), and every answer of the walk-through has a documented status whose
 * schema it satisfies.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractTest {
    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z]+)}");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final List<String> violations = new ArrayList<>();

    @TempDir
    static Path dataDir;

    private Eventline eventline;
    private String base;
    private JsonNode document;

    @BeforeAll
    void start() throws Exception {
        eventline = Eventline.start(new EventlineConfig(new EventlineConfig.Http("127.0.0.1", 0, Optional.empty()),
                new EventlineConfig.Kafka(Optional.empty(), 0, Map.of()), dataDir.resolve("eventline"),
                EventlineConfig.Saga.CHOREOGRAPHY, EventlineConfig.ORDER_SERVICES));
        eventline.awaitReady(Duration.ofSeconds(120));
        base = "http://127.0.0.1:" + eventline.httpPort();
        document = Json.readTree(send("GET", "/api/openapi.json", null).body().getBytes());
    }

    @AfterAll
    void stop() {
        if (eventline != null) {
            eventline.close();
        }
    }

    @Test
    void shouldDocumentEveryRouteRegisteredAndNoRouteThatIsNot() {
        assertThat(document.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(document.path("info").path("version").asText()).isEqualTo(BuildVersion.eventline());
        Set<String> documented = new TreeSet<>();
        Set<String> elsewhere = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String route = operation.getKey().toUpperCase() + " " + path.getKey();
            String service = operation.getValue().path("x-eventline-service").asText("");
            (service.isEmpty() || EventlineConfig.ORDER_SERVICES.contains(service) ? documented : elsewhere).add(route);
            assertThat(pathParameters(operation.getValue())).as(route + ": its path parameters")
                    .isEqualTo(templateParameters(path.getKey()));
        }));
        assertThat(eventline.routes()).as("the routes registered").isEqualTo(documented);
        assertThat(elsewhere).as("documented routes of services not running here").isNotEmpty()
                .allMatch(route -> route.contains("/api/catalog/"));
    }

    @Test
    void shouldAnswerTheWalkThroughAsTheDocumentSays() {
        String customer = "{\"name\":\"Alice\",\"email\":\"alice@example.com\",\"address\":{\"line1\":\"1 Rue\","
                + "\"city\":\"Paris\",\"postcode\":\"75002\",\"country\":\"FR\"}}";
        check("PUT", "/api/customers/{customerId}", "/api/customers/alice", customer, 200);
        check("GET", "/api/customers/{customerId}", "/api/customers/alice", null, 200);
        check("GET", "/api/customers/{customerId}", "/api/customers/nobody", null, 404);
        check("POST", "/api/accounts/{customerId}/deposits", "/api/accounts/alice/deposits", "{\"amount\": 100}", 200);
        check("POST", "/api/accounts/{customerId}/deposits", "/api/accounts/alice/deposits", "{\"amountx\": 1}", 400);
        check("POST", "/api/accounts/{customerId}/withdrawals", "/api/accounts/alice/withdrawals", "{\"amount\": 500}", 409);
        check("GET", "/api/accounts/{customerId}", "/api/accounts/alice?minVersion=1", null, 200);
        check("GET", "/api/accounts/{customerId}/events", "/api/accounts/alice/events", null, 200);
        check("POST", "/api/inventory/{sku}/stock", "/api/inventory/tea/stock", "{\"quantity\": 10}", 200);
        check("GET", "/api/inventory/{sku}", "/api/inventory/tea?minVersion=1", null, 200);
        check("GET", "/api/inventory/{sku}/events", "/api/inventory/tea/events", null, 200);
        String order = "{\"orderId\":\"%s\",\"customerId\":\"alice\",\"items\":[{\"sku\":\"tea\",\"quantity\":%d,"
                + "\"price\":%s}],\"currency\":\"EUR\"}";
        check("POST", "/api/orders", "/api/orders", order.formatted("o-1", 2, "10.25"), 202);
        check("POST", "/api/orders", "/api/orders", order.formatted("o-2", 1, "500"), 202);
        check("POST", "/api/orders", "/api/orders", order.formatted("o-1", 3, "10.25"), 409);
        JsonNode shipped = check("GET", "/api/orders/{orderId}", "/api/orders/o-1?wait=20s", null, 200);
        assertThat(shipped.path("status").asText()).isEqualTo("SHIPPED");
        check("GET", "/api/orders/{orderId}", "/api/orders/o-2?wait=20s", null, 200);
        check("GET", "/api/orders/{orderId}", "/api/orders/o-1?wait=forever", null, 400);
        check("POST", "/api/orders/{orderId}/cancel", "/api/orders/o-1/cancel", null, 409);
        check("POST", "/api/orders/{orderId}/cancel", "/api/orders/o-2/cancel", null, 202);
        check("GET", "/api/orders/{orderId}/events", "/api/orders/o-1/events", null, 200);
        check("GET", "/api/orders", "/api/orders?limit=5", null, 200);
        check("GET", "/api/shipments/{orderId}", "/api/shipments/o-1", null, 200);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                check("GET", "/api/notifications", "/api/notifications", null, 200).size() == 2);
        check("GET", "/api/traces", "/api/traces?orderId=o-1", null, 200);
        check("GET", "/api/traces", "/api/traces?orderId=nobody", null, 404);
        check("GET", "/api/traces", "/api/traces", null, 400);
        check("GET", "/api/analytics/sales", "/api/analytics/sales", null, 200);
        check("GET", "/api/fraud/alerts", "/api/fraud/alerts", null, 200);
        check("GET", "/api/projections", "/api/projections", null, 200);
        check("GET", "/api/projections/{name}", "/api/projections/orders-view", null, 200);
        check("GET", "/api/dlq", "/api/dlq?limit=10", null, 200);
        check("POST", "/api/dlq/{id}/replay", "/api/dlq/orders.dlq-0@999/replay", null, 404);
        check("GET", "/api/topics", "/api/topics", null, 200);
        check("GET", "/api/consumers", "/api/consumers", null, 200);
        check("GET", "/api/load", "/api/load", null, 200);
        check("GET", "/health/live", "/health/live", null, 200);
        check("GET", "/health/ready", "/health/ready", null, 200);
        check("GET", "/api/openapi.json", "/api/openapi.json", null, 200);
        check("GET", "/api/schemas", "/api/schemas", null, 200);
        check("GET", "/api/schemas/{eventType}/{version}", "/api/schemas/order.placed/1", null, 200);
        check("GET", "/api/schemas/{eventType}/{version}", "/api/schemas/order.placed/9", null, 404);
        check("GET", "/api/schemas/{eventType}/{version}", "/api/schemas/order.placed/v1", null, 400);
        check("GET", "/api/asyncapi.json", "/api/asyncapi.json", null, 200);
        assertThat(violations).as("answers that break the document").isEmpty();
    }

    @Test
    void shouldServeEachEventSchemaAsPublishedInDocsWhenAskedByTypeAndVersion() throws IOException {
        HttpResponse<String> index = send("GET", "/api/schemas", null);
        Path docs = Path.of("../docs/schemas");
        assertThat(parse(index.body())).isEqualTo(Json.readTree(Files.readAllBytes(docs.resolve("index.json"))));
        for (JsonNode entry : parse(index.body())) {
            HttpResponse<String> schema = send("GET", "/api/schemas/" + entry.path("eventType").asText() + "/"
                    + entry.path("version").asInt(), null);
            assertThat(schema.headers().firstValue("Content-Type")).hasValue("application/schema+json");
            assertThat(parse(schema.body())).as(entry.toString())
                    .isEqualTo(Json.readTree(Files.readAllBytes(docs.resolve(entry.path("path").asText()))));
        }
        assertThat(parse(send("GET", "/api/schemas/order.placed/9", null).body()).path("detail").asText())
                .isEqualTo("event type order.placed has no version 9 (see /api/schemas)");
        assertThat(parse(send("GET", "/api/schemas/order.lost/1", null).body()).path("detail").asText())
                .isEqualTo("no event type order.lost (see /api/schemas)");
    }

    @Test
    void shouldServeTheAsyncApiDocumentOfTheBrokerThisInstanceRunsOn() throws IOException {
        JsonNode asyncApi = Json.readTree(send("GET", "/api/asyncapi.json", null).body().getBytes());

        assertThat(asyncApi.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(asyncApi.at("/info/version").asText()).isEqualTo(BuildVersion.eventline());
        assertThat(asyncApi.at("/servers/broker/host").asText()).isEqualTo(eventline.bootstrapServers().split(",")[0]);
        assertThat(asyncApi.at("/channels/orders.events/bindings/kafka/partitions").asInt()).isEqualTo(Eventline.PARTITIONS);
        assertThat(asyncApi.at("/channels/orders.events/bindings/kafka/replicas").asInt()).as("the embedded broker's")
                .isEqualTo(1);
    }

    @Test
    void shouldServeSwaggerUiOverTheDocumentFromItsWebjar() {
        HttpResponse<String> page = send("GET", "/api/docs", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/api/openapi.json");
        Matcher bundle = Pattern.compile("src=\"(/webjars/swagger-ui/[^\"]+/swagger-ui-bundle\\.js)\"").matcher(page.body());
        assertThat(bundle.find()).as("the page loads Swagger UI from its webjar").isTrue();
        HttpResponse<String> script = send("GET", bundle.group(1), null);
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("SwaggerUIBundle");
    }

    /**
     * Sends a request and holds its answer to the document: a status documented for the operation,
     * and a JSON body its schema accepts. Violations are collected, so that one run names them all.
     */
    private JsonNode check(String method, String route, String uri, String body, int expectedStatus) {
        HttpResponse<String> response = send(method, uri, body);
        String where = method + " " + uri + " → " + response.statusCode();
        assertThat(response.statusCode()).as(where + " " + response.body()).isEqualTo(expectedStatus);
        JsonNode operation = document.path("paths").path(route).path(method.toLowerCase());
        JsonNode answer = operation.path("responses").path(Integer.toString(response.statusCode()));
        if (answer.isMissingNode()) {
            violations.add(where + ": status not documented");
            return Json.mapper().missingNode();
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", "");
        JsonNode media = answer.path("content").path(contentType);
        if (media.isMissingNode()) {
            violations.add(where + ": content type " + contentType + " not documented");
            return Json.mapper().missingNode();
        }
        JsonNode value = parse(response.body());
        List<Error> errors = schema(media.path("schema")).validate(value);
        errors.forEach(error -> violations.add(where + ": " + error.getInstanceLocation() + " " + error.getMessage()));
        return value;
    }

    // A response's schema as a document of its own: the components beside it, so that its $refs
    // (#/components/schemas/…) resolve as they do in the OpenAPI document.
    private Schema schema(JsonNode responseSchema) {
        ObjectNode root = responseSchema.deepCopy();
        root.set("components", document.path("components"));
        return schemas.getSchema(Json.writeString(root));
    }

    private static Set<String> pathParameters(JsonNode operation) {
        Set<String> names = new TreeSet<>();
        operation.path("parameters").forEach(parameter -> {
            if (parameter.path("in").asText().equals("path")) {
                names.add(parameter.path("name").asText());
            }
        });
        return names;
    }

    private static Set<String> templateParameters(String path) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PARAMETER.matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private HttpResponse<String> send(String method, String uri, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + uri)).timeout(Duration.ofSeconds(30));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return Json.readTree(body.getBytes());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }
}
