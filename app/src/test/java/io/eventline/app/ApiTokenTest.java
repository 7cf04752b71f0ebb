package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.app.cli.Cli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/api.md's security: listening beyond this machine needs {@code --api-token}, and with a token every
 * request but {@code /health/*} needs {@code Authorization: Bearer <token>}.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTokenTest {
    private static final String TOKEN = "s3cret";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path dataDir;

    /** One instance started with the token, shared by the tests that send requests. */
    private Eventline eventline;
    private String base;

    @BeforeAll
    void start() throws Exception {
        EventlineConfig config = new EventlineConfig(new EventlineConfig.Http("127.0.0.1", 0, Optional.of(TOKEN)),
                new EventlineConfig.Kafka(Optional.empty(), 0, Map.of()), dataDir.resolve("eventline"),
                EventlineConfig.Saga.CHOREOGRAPHY, EventlineConfig.ORDER_SERVICES);
        eventline = Eventline.start(config);
        eventline.awaitReady(Duration.ofSeconds(120));
        base = "http://127.0.0.1:" + eventline.httpPort();
    }

    @AfterAll
    void stop() {
        if (eventline != null) {
            eventline.close();
        }
    }

    @Test
    void shouldRefuseAWildcardBindWhenNoTokenIsSet() {
        assertThatThrownBy(() -> new EventlineConfig.Http("0.0.0.0", 0, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--api-token");
    }

    @Test
    void shouldExitWithUsageWhenRunBindsBeyondThisMachineWithoutAToken() {
        Cli.Result result = Cli.execute("run", "--bind", "0.0.0.0", "--data-dir", dataDir.resolve("cli").toString());
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains("--api-token").contains("Usage:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer", "Bearer wrong", "Bearer s3cre", "Bearer s3cretx", "Bearer S3CRET", "s3cret",
        "Basic czNjcmV0", "Token s3cret", "Bearer s3cret, Bearer s3cret"})
    void shouldAnswer401WhenTheTokenIsMissingOrWrong(String authorization) {
        assertUnauthorized(send(post(base + "/api/accounts/t0/deposits", "{\"amount\": 5}"), authorization));
        assertUnauthorized(send(get(base + "/api/accounts/t0"), authorization));
        assertUnauthorized(send(post(base + "/api/accounts/t0/deposits", "{\"amount\": -5}"), authorization));
        assertUnauthorized(send(get(base + "/api/no/such/route"), authorization));
        assertUnauthorized(send(get(base + "/metrics"), authorization));
        // Refused before any handler: no deposit happened.
        assertThat(send(get(base + "/api/accounts/t0/events"), "Bearer " + TOKEN).body()).isEqualTo("[]");
    }

    /**
     * Jetty caches header fields per connection: the token must be compared as sent, not as a field
     * that matched a cached one ignoring case.
     */
    @Test
    void shouldCompareTheTokenExactlyWhenOneConnectionCarriesSeveral() {
        HttpClient oneConnection = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String url = base + "/api/accounts/t2/events";
        assertThat(send(oneConnection, get(url), "Bearer S3CRET").statusCode()).isEqualTo(401);
        assertThat(send(oneConnection, get(url), "Bearer " + TOKEN).statusCode()).isEqualTo(200);
        assertThat(send(oneConnection, get(url), "Bearer S3CRET").statusCode()).isEqualTo(401);
        assertThat(send(oneConnection, get(url), "Bearer s3creT").statusCode()).isEqualTo(401);
    }

    @Test
    void shouldAnswerAsWithoutATokenWhenTheBearerTokenIsRight() {
        String bearer = "Bearer " + TOKEN;
        HttpResponse<String> deposit = send(post(base + "/api/accounts/t1/deposits", "{\"amount\": 5}"), bearer);
        assertThat(deposit.statusCode()).isEqualTo(200);
        assertThat(deposit.body()).isEqualTo("{\"customerId\":\"t1\",\"balance\":5.00,\"version\":1}");
        assertThat(send(get(base + "/api/accounts/t1?minVersion=1"), bearer).body())
                .isEqualTo("{\"customerId\":\"t1\",\"balance\":5.00,\"version\":1}");
        HttpResponse<String> malformed = send(post(base + "/api/accounts/t1/deposits", "{\"amount\": -5}"), bearer);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(malformed).path("errors").path(0).path("field").asText()).isEqualTo("amount");
        assertThat(send(get(base + "/api/no/such/route"), bearer).statusCode()).isEqualTo(404);
        assertThat(send(get(base + "/metrics"), bearer).body()).contains("eventline_orders_completed_total");
    }

    /** The token is no help to a page of another site: a browser may hold it (the console's tab). */
    @Test
    void shouldRefuseAWriteFromAnotherSiteWhenItCarriesTheRightToken() {
        String bearer = "Bearer " + TOKEN;
        HttpResponse<String> foreign = send(post(base + "/api/accounts/t3/deposits", "{\"amount\": 5}")
                .header("Origin", "https://evil.example"), bearer);
        assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
        assertThat(json(foreign).path("errors").path(0).path("field").asText()).isEqualTo("Origin");
        int port = eventline.httpPort();
        RawHttp.Answer rebound = RawHttp.send(port, "GET", "/api/accounts/t3/events", "evil.example:" + port,
                "Authorization: " + bearer);
        assertThat(rebound.status()).as(rebound.body()).isEqualTo(421);
        assertThat(send(get(base + "/api/accounts/t3/events"), bearer).body()).as("no deposit").isEqualTo("[]");
        HttpResponse<String> console = send(post(base + "/api/accounts/t3/deposits", "{\"amount\": 5}")
                .header("Origin", base), bearer);
        assertThat(console.statusCode()).as("the console's own origin: %s", console.body()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/openapi.json", "/api/docs", "/api/asyncapi.json"})
    void shouldServeTheApiDocumentsWithoutATokenWhenOneIsSet(String document) {
        assertThat(send(get(base + document), "").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAnswerHealthWithoutATokenWhenOneIsSet() {
        assertThat(send(get(base + "/health/live"), "").statusCode()).isEqualTo(200);
        assertThat(send(get(base + "/health/ready"), "").statusCode()).isEqualTo(200);
        assertThat(send(get(base + "/health/ready"), "Bearer wrong").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldServeTheEventSchemasWithoutATokenWhenOneIsSet() {
        assertThat(send(get(base + "/api/schemas"), "").statusCode()).isEqualTo(200);
        assertThat(send(get(base + "/api/schemas/order.placed/1"), "").statusCode()).isEqualTo(200);
        assertUnauthorized(send(get(base + "/api/schemasx"), ""));
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("status").intValue()).isEqualTo(401);
        assertThat(problem.path("title").isTextual() && problem.path("detail").isTextual()
                && problem.path("type").isTextual()).isTrue();
    }

    private static HttpRequest.Builder post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET();
    }

    /** @param authorization the header's value; none is sent when it is empty */
    private HttpResponse<String> send(HttpRequest.Builder request, String authorization) {
        return send(http, request, authorization);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request, String authorization) {
        if (!authorization.isEmpty()) {
            request.header("Authorization", authorization);
        }
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        return TestApi.parse(response.body());
    }
}
