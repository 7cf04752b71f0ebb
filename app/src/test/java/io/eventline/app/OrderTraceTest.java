package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.eventline.core.envelope.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * One order, placed with a W3C {@code traceparent}, is one trace from the HTTP request to its
 * {@code notification.sent}: every hop continues it, each hop's parent is the caller or a hop that
 * wrote a record it read, the console's trace route shows it, and the spans reach an OTLP/HTTP
 * collector (a stand-in that keeps what is posted to {@code /v1/traces}).
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderTraceTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER_SPAN = "00f067aa0ba902b7";
    private static final List<String> SERVICES =
            List.of("customers", "accounts", "inventory", "orders", "shipping", "notifications");

    @TempDir
    static Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<byte[]> posted = new CopyOnWriteArrayList<>();
    private HttpServer collector;
    private Eventline eventline;
    private String base;

    @BeforeAll
    void start() throws Exception {
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                posted.add(body.readAllBytes());
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        URI otlp = URI.create("http://127.0.0.1:" + collector.getAddress().getPort());
        eventline = Eventline.start(new EventlineConfig(new EventlineConfig.Http("127.0.0.1", 0, Optional.empty()),
                new EventlineConfig.Kafka(Optional.empty(), 0, Map.of()), dataDir, EventlineConfig.Saga.CHOREOGRAPHY,
                SERVICES, EventlineConfig.Mail.FILES, EventlineConfig.Catalog.EMBEDDED,
                new EventlineConfig.Telemetry(Optional.of(otlp))));
        eventline.awaitReady(Duration.ofSeconds(120));
        base = "http://127.0.0.1:" + eventline.httpPort();
    }

    @AfterAll
    void stop() {
        if (eventline != null) {
            eventline.close();
        }
        if (collector != null) {
            collector.stop(0);
        }
    }

    @Test
    void shouldTraceAnOrderFromItsRequestToItsNotificationHopByHop() throws Exception {
        send("PUT", "/api/customers/alice", "{\"name\":\"Alice\",\"email\":\"alice@example.com\",\"address\":"
                + "{\"line1\":\"1 Rue\",\"city\":\"Paris\",\"postcode\":\"75002\",\"country\":\"FR\"}}", null, 200);
        send("POST", "/api/accounts/alice/deposits", "{\"amount\": 100}", null, 200);
        send("POST", "/api/inventory/tea/stock", "{\"quantity\": 10}", null, 200);
        send("POST", "/api/orders", "{\"orderId\":\"o-1\",\"customerId\":\"alice\",\"currency\":\"EUR\","
                + "\"items\":[{\"sku\":\"tea\",\"quantity\":2,\"price\":10.25}]}",
                "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01", 202);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Json.readTree(send("GET", "/api/notifications", null, null, 200).body().getBytes()).size() == 1);

        JsonNode trace = await().atMost(Duration.ofSeconds(30)).until(
                () -> Json.readTree(send("GET", "/api/traces?orderId=o-1", null, null, 200).body().getBytes()),
                found -> types(found).contains("notification.sent"));
        assertThat(trace.path("traceId").asText()).isEqualTo(TRACE_ID);
        assertThat(trace.path("truncated").asBoolean()).isFalse();
        assertThat(types(trace)).contains("order.place", "order.placed", "payment.take", "payment.taken", "stock.reserve",
                "stock.reserved",
                "shipment.scheduled", "order.shipped", "notification.sent");

        List<JsonNode> hops = StreamSupport.stream(trace.path("hops").spliterator(), false).toList();
        Set<String> spans = hops.stream().map(hop -> hop.path("spanId").asText()).collect(Collectors.toSet());
        Set<String> parents = new HashSet<>(spans);
        parents.add(CALLER_SPAN);
        assertThat(hops).as("every hop's parent is the caller or a hop on the log").allSatisfy(hop -> {
            assertThat(parents).contains(hop.path("parentSpanId").asText());
            assertThat(hop.path("processingMs").asDouble()).isGreaterThanOrEqualTo(0);
        });
        assertThat(hops).filteredOn(hop -> hop.path("parentSpanId").asText().equals(CALLER_SPAN))
                .as("the request's hop").singleElement()
                .satisfies(hop -> assertThat(hop.path("read").asText()).isEqualTo("http"));
        assertThat(hops).filteredOn(hop -> !hop.path("read").asText().equals("http"))
                .as("a hop that read a topic waited there").allSatisfy(hop ->
                        assertThat(hop.path("waitedMs").isNumber()).isTrue());

        // OTLP's protobuf holds the trace id as its 16 bytes.
        await().atMost(Duration.ofSeconds(30)).until(() -> posted.stream()
                .anyMatch(body -> HexFormat.of().formatHex(body).contains(TRACE_ID)));
    }

    @Test
    void shouldSayWhatIsMissing() throws Exception {
        assertThat(send("GET", "/api/traces?orderId=nobody", null, null, 404).body()).contains("nobody");
        assertThat(send("GET", "/api/traces", null, null, 400).body()).contains("orderId");
    }

    private static Set<String> types(JsonNode trace) {
        Set<String> types = new HashSet<>();
        trace.path("hops").forEach(hop -> hop.path("records").forEach(record -> types.add(record.path("type").asText())));
        return types;
    }

    private HttpResponse<String> send(String method, String path, String body, String traceparent, int status)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
        return response;
    }
}
