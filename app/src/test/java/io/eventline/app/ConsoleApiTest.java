package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the console reads, on one instance started with an API token: the console's files (no token),
 * topics and consumer groups, the event stream (token in the query, filters) and loads.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleApiTest {
    private static final String TOKEN = "t0ken";
    private static final int MAX_STREAMS = 2;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path dataDir;

    private Eventline eventline;
    private String base;

    @BeforeAll
    void start() throws Exception {
        eventline = Eventline.start(new EventlineConfig(new EventlineConfig.Http("127.0.0.1", 0, Optional.of(TOKEN),
                Optional.empty(), List.of(), MAX_STREAMS),
                new EventlineConfig.Kafka(Optional.empty(), 0, Map.of()), dataDir.resolve("eventline"),
                EventlineConfig.Saga.CHOREOGRAPHY, EventlineConfig.ORDER_SERVICES));
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
    void shouldServeTheConsoleWithoutATokenAndItsDataOnlyWithOne() {
        HttpResponse<String> page = send("GET", "/", null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("Eventline console").contains("/console/app.js");
        assertThat(send("GET", "/console/app.js", null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/webjars/uplot/1.6.30/dist/uPlot.esm.js", null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/topics", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/topics?access_token=" + TOKEN, null, null).statusCode())
                .as("the query token is for the event stream only").isEqualTo(401);
    }

    @Test
    void shouldListTopicsWithEndOffsetsAndGroupsWithLagWhenEventsWereWritten() {
        assertThat(send("POST", "/api/accounts/topics-1/deposits", "{\"amount\": 5}", TOKEN).statusCode()).isEqualTo(200);
        JsonNode accounts = await().atMost(Duration.ofSeconds(30)).until(() -> find(json("/api/topics"), "topic",
                "accounts.events"), topic -> topic != null && topic.path("endOffset").asLong() > 0);
        assertThat(accounts.path("partitions")).hasSize(Eventline.PARTITIONS);
        assertThat(accounts.path("size").asLong()).isPositive();
        assertThat(accounts.path("internal").asBoolean()).isFalse();
        JsonNode group = await().atMost(Duration.ofSeconds(30)).until(() -> find(json("/api/consumers"), "group",
                eventline.applicationIdOf("accounts")), found -> found != null && found.path("partitions").size() > 0);
        JsonNode partition = group.path("partitions").get(0);
        assertThat(partition.path("lag").asLong())
                .isEqualTo(partition.path("endOffset").asLong() - partition.path("committed").asLong());
    }

    @Test
    void shouldStreamOneOrdersChainWhenFilteredByItsId() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpResponse<Stream<String>> stream = http.send(request("/api/stream?orderId=s-1&access_token=" + TOKEN)
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread.ofVirtual().start(() -> stream.body().forEach(lines::add));
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains(": connected"));
        placeOrder("s-1");
        placeOrder("s-2");
        await().atMost(Duration.ofSeconds(60)).until(() -> events(lines).stream()
                .anyMatch(event -> event.path("eventType").asText().equals("order.shipped")));
        List<JsonNode> events = events(lines);
        assertThat(events).allMatch(event -> event.path("key").asText().equals("s-1")
                || event.path("correlationId").asText().equals("s-1"));
        assertThat(events).extracting(event -> event.path("topic").asText())
                .contains("orders.events", "accounts.events", "inventory.events", "shipments.events");
        // Stats come every second; an order may ship sooner than that.
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event: stats"));
        stream.body().close();
    }

    @Test
    void shouldRefuseAStreamWhenTheTokenIsWrongOrTheFilterIsBad() {
        assertThat(send("GET", "/api/stream?access_token=wrong", null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> topic = send("GET", "/api/stream?topic=nope&access_token=" + TOKEN, null, null);
        assertThat(topic.statusCode()).isEqualTo(400);
        assertThat(TestApi.parse(topic.body()).path("errors").path(0).path("field").asText()).isEqualTo("topic");
        HttpResponse<String> order = send("GET", "/api/stream?orderId=a%20b", null, TOKEN);
        assertThat(TestApi.parse(order.body()).path("errors").path(0).path("field").asText()).isEqualTo("orderId");
        assertThat(send("GET", "/api/stream", null, TOKEN).statusCode()).as("no Accept: text/event-stream")
                .isEqualTo(406);
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenEveryStreamSlotIsTakenAndServeAgainOnceOneCloses() throws Exception {
        List<HttpResponse<Stream<String>>> open = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < MAX_STREAMS; i++) { // a stream another test closed may hold its slot a moment
                open.add(await().atMost(Duration.ofSeconds(10)).until(this::openStream,
                        stream -> stream.statusCode() == 200 || closeRefused(stream)));
            }
            HttpResponse<Stream<String>> refused = openStream();
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(String.join("", refused.body().toList())).contains("--max-streams");
            open.removeFirst().body().close();
            // The server sees the closed connection at its next write: the stats, every second.
            HttpResponse<Stream<String>> again = await().atMost(Duration.ofSeconds(10)).until(this::openStream,
                    stream -> stream.statusCode() == 200 || closeRefused(stream));
            open.add(again);
        } finally {
            open.forEach(stream -> stream.body().close());
        }
    }

    private HttpResponse<Stream<String>> openStream() throws Exception {
        return http.send(request("/api/stream?access_token=" + TOKEN).header("Accept", "text/event-stream").GET()
                .build(), HttpResponse.BodyHandlers.ofLines());
    }

    private static boolean closeRefused(HttpResponse<Stream<String>> stream) {
        stream.body().close();
        return false;
    }

    @Test
    void shouldAnswerTheNewestLimitItemsWhenNotificationsAndOrdersAreListedWithALimit() {
        List.of("lim-1", "lim-2", "lim-3").forEach(this::placeOrder);
        for (String list : List.of("/api/notifications", "/api/orders")) {
            JsonNode whole = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> json(list + "?limit=1000"), all -> StreamSupport.stream(all.spliterator(), false)
                            .filter(item -> item.path("orderId").asText().startsWith("lim-"))
                            // ended, so that nothing moves between the two reads below
                            .filter(item -> list.endsWith("notifications") || item.path("status").asText()
                                    .equals("SHIPPED")).count() == 3);
            JsonNode two = json(list + "?limit=2");
            assertThat(two).as(list).hasSize(2);
            assertThat(two.get(0)).isEqualTo(whole.get(0));
            assertThat(two.get(1)).isEqualTo(whole.get(1));
            assertThat(json(list).size()).as("default limit").isLessThanOrEqualTo(100);
            for (String bad : List.of("0", "1001", "ten")) {
                HttpResponse<String> refused = send("GET", list + "?limit=" + bad, null, TOKEN);
                assertThat(refused.statusCode()).as(list + " limit=" + bad).isEqualTo(400);
                assertThat(TestApi.parse(refused.body()).path("errors").path(0).path("field").asText())
                        .isEqualTo("limit");
            }
        }
    }

    /**
     * The reply listener of the orders gateway (the consumer that hears the deciders' replies) dies as a
     * consumer fails: its thread is interrupted, so its {@code poll} throws. Readiness answers 503 naming
     * it, restarts it, and the platform then places and completes orders again.
     */
    @Test
    void shouldAnswer503AndRestartTheReplyListenerWhenItDiesThenCompleteANewOrder() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> !json("/api/load").path("running").asBoolean()); // no command may restart it first
        Thread listener = replyListener("orders");
        listener.interrupt();
        await().atMost(Duration.ofSeconds(10)).until(() -> !listener.isAlive());

        HttpResponse<String> down = send("GET", "/health/ready", null, null);
        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        assertThat(down.body()).contains("the reply listener of orders had stopped");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> send("GET", "/health/ready", null, null).statusCode() == 200);
        assertThat(replyListener("orders")).isNotSameAs(listener).matches(Thread::isAlive);

        placeOrder("after-replies-died");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> json("/api/orders/after-replies-died").path("status").asText().equals("SHIPPED"));
    }

    /** The thread reading {@code <aggregate>.replies} for this instance's command gateway. */
    private static Thread replyListener(String aggregate) {
        String name = "eventline-replies-" + aggregate + ".replies";
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name) && t.isAlive())
                .findFirst().orElseThrow(() -> new AssertionError("no live thread " + name));
    }

    @Test
    void shouldAnswer400NamingTheFieldWhenALoadIsOutOfRange() {
        assertField("{\"orders\": 0, \"rate\": 10}", "orders");
        assertField("{\"orders\": 1000001, \"rate\": 10}", "orders");
        assertField("{\"orders\": 10, \"rate\": 10001}", "rate");
        assertField("{\"orders\": 10, \"rate\": 2.5}", "rate");
        assertField("{\"orders\": 10}", "rate");
        assertField("{\"orders\": 10, \"rate\": 10, \"failures\": 101}", "failures");
        assertField("{\"orders\": 10, \"rate\": 10, \"speed\": 1}", "speed");
        assertField("[]", "body");
    }

    @Test
    void shouldRunALoadToTheEndAndRefuseASecondWhileItRuns() {
        HttpResponse<String> started = send("POST", "/api/load", "{\"orders\": 30, \"rate\": 10}", TOKEN);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(started.headers().firstValue("Location")).hasValue("/api/load");
        assertThat(send("POST", "/api/load", "{\"orders\": 1, \"rate\": 1}", TOKEN).statusCode()).isEqualTo(409);
        JsonNode load = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> json("/api/load"), progress -> !progress.path("running").asBoolean());
        assertThat(load.path("phase").asText()).as(load.toString()).isEqualTo("FINISHED");
        assertThat(load.path("done").asInt()).isEqualTo(30);
        assertThat(load.path("failed").asInt()).isZero();
        assertThat(load.path("outcomes").path("SHIPPED").asInt()).isEqualTo(30);
        assertThat(load.path("p50").asDouble()).isPositive().isLessThanOrEqualTo(load.path("p99").asDouble());
    }

    @Test
    void shouldStopARunningLoadWhenDeletedAndAcceptANewOneAfter() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> !json("/api/load").path("running").asBoolean()); // another test's load
        assertThat(send("POST", "/api/load", "{\"orders\": 100000, \"rate\": 5}", TOKEN).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> json("/api/load").path("sent").asInt() > 0);
        HttpResponse<String> stopped = send("DELETE", "/api/load", null, TOKEN);
        assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
        JsonNode load = TestApi.parse(stopped.body());
        assertThat(load.path("phase").asText()).as(load.toString()).isEqualTo("STOPPED");
        assertThat(load.path("running").asBoolean()).isFalse();
        assertThat(json("/api/load").path("phase").asText()).isEqualTo("STOPPED");
        assertThat(send("POST", "/api/load", "{\"orders\": 1, \"rate\": 1}", TOKEN).statusCode())
                .as("a new load once the last stopped").isEqualTo(202);
        assertThat(send("DELETE", "/api/load", null, TOKEN).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/api/load", null, TOKEN).statusCode()).as("stopping is idempotent").isEqualTo(200);
    }

    private void assertField(String body, String field) {
        HttpResponse<String> response = send("POST", "/api/load", body, TOKEN);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(TestApi.parse(response.body()).path("errors").path(0).path("field").asText()).as(body)
                .isEqualTo(field);
    }

    private void placeOrder(String orderId) {
        String customer = "cust-" + orderId;
        assertThat(send("PUT", "/api/customers/" + customer, "{\"name\":\"C\",\"email\":\"c@example.com\","
                + "\"address\":{\"line1\":\"1 Rue\",\"city\":\"Lyon\",\"postcode\":\"69001\",\"country\":\"FR\"}}",
                TOKEN).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/accounts/" + customer + "/deposits", "{\"amount\": 100}", TOKEN).statusCode())
                .isEqualTo(200);
        assertThat(send("POST", "/api/inventory/sku-" + orderId + "/stock", "{\"quantity\": 5}", TOKEN).statusCode())
                .isEqualTo(200);
        assertThat(send("POST", "/api/orders", "{\"orderId\":\"" + orderId + "\",\"customerId\":\"" + customer
                + "\",\"items\":[{\"sku\":\"sku-" + orderId + "\",\"quantity\":1,\"price\":10}],\"currency\":\"EUR\"}",
                TOKEN).statusCode()).isEqualTo(202);
    }

    private static List<JsonNode> events(List<String> lines) {
        List<JsonNode> events = new java.util.ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i - 1).equals("event: message") && lines.get(i).startsWith("data: ")) {
                events.add(TestApi.parse(lines.get(i).substring(6)));
            }
        }
        return events;
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false).filter(node -> node.path(field).asText().equals(value))
                .findFirst().orElse(null);
    }

    private JsonNode json(String path) {
        HttpResponse<String> response = send("GET", path, null, TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestApi.parse(response.body());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> send(String method, String path, String body, String token) {
        HttpRequest.Builder request = request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
