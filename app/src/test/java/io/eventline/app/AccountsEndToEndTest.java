package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.core.envelope.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first slice end to end, as a user meets it: the embedded broker, the accounts service and the
 * REST API in one process; then a restart on the same data dir.
 */
@Tag("integration")
class AccountsEndToEndTest {
    private static final Duration READY = Duration.ofSeconds(90);
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    @Timeout(180)
    void shouldKeepTheBalanceHistoryAndAsOfAcrossARestart() throws Exception {
        Instant between;
        try (Eventline eventline = start()) {
            String api = "http://127.0.0.1:" + eventline.httpPort();
            assertThat(eventline.topicLayout()).isEqualTo("3 partitions, replication 1, min.insync.replicas 1");
            assertThat(post(api + "/api/accounts/alice/deposits", "{\"amount\": 100}").body())
                    .isEqualTo("{\"customerId\":\"alice\",\"balance\":100.00,\"version\":1}");
            between = Instant.now();
            awaitClockPast(between);
            assertThat(post(api + "/api/accounts/alice/withdrawals", "{\"amount\": 30}").statusCode()).isEqualTo(200);

            // Queries read the accounts read model: minVersion waits for the write just answered.
            assertThat(get(api + "/api/accounts/alice?minVersion=2").body())
                    .isEqualTo("{\"customerId\":\"alice\",\"balance\":70.00,\"version\":2}");
            assertThat(get(api + "/api/accounts/alice?asOf=" + between).body())
                    .isEqualTo("{\"customerId\":\"alice\",\"balance\":100.00,\"version\":1}");
            JsonNode events = json(get(api + "/api/accounts/alice/events"));
            assertThat(events).hasSize(2);
            assertThat(events.get(0).get("eventType").asText()).isEqualTo("account.deposited");
            assertThat(events.get(1).get("data").toString()).isEqualTo("{\"customerId\":\"alice\",\"amount\":30.00}");
            assertThat(events.get(1).get("metadata").get("source").asText()).isEqualTo("accounts");

            List<ConsumerRecord<String, String>> onTopic = readAll(eventline.bootstrapServers(), "accounts.events", 2);
            assertThat(onTopic).extracting(ConsumerRecord::key).containsOnly("alice");
            assertThat(onTopic.get(1).value()).isEqualTo(events.get(1).toString());
            assertThat(new String(onTopic.get(1).headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("account.withdrawn");
        }

        try (Eventline again = start()) {
            String api = "http://127.0.0.1:" + again.httpPort();
            // Queries read the accounts read model: minVersion waits for the write just answered.
            assertThat(get(api + "/api/accounts/alice?minVersion=2").body())
                    .isEqualTo("{\"customerId\":\"alice\",\"balance\":70.00,\"version\":2}");
            assertThat(get(api + "/api/accounts/alice?asOf=" + between).body()).contains("\"balance\":100.00");
            HttpResponse<String> refused = post(api + "/api/accounts/alice/withdrawals", "{\"amount\": 70.01}");
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(refused).get("errors").get(0).get("field").asText()).isEqualTo("amount");
            assertThat(post(api + "/api/accounts/alice/withdrawals", "{\"amount\": 70}").body()).contains("\"balance\":0.00");
        }
    }

    @Test
    @Timeout(180)
    void shouldAnswerEveryMalformedRequestWithAProblemNamingTheField() throws Exception {
        try (Eventline eventline = start()) {
            String api = "http://127.0.0.1:" + eventline.httpPort();
            assertProblem(post(api + "/api/accounts/alice/deposits", "{\"amount\": 0}"), 400, "amount");
            assertProblem(post(api + "/api/accounts/alice/deposits", "{\"amount\": 1.234}"), 400, "amount");
            assertProblem(post(api + "/api/accounts/alice/deposits", "{\"amount\": \"ten\"}"), 400, "amount");
            assertProblem(post(api + "/api/accounts/alice/deposits", "{\"amount\": 1, \"x\": 2}"), 400, "x");
            assertProblem(post(api + "/api/accounts/alice/deposits", "{\"amount\""), 400, "body");
            assertProblem(post(api + "/api/accounts/bad%20id/deposits", "{\"amount\": 1}"), 400, "customerId");
            assertProblem(send(HttpRequest.newBuilder(URI.create(api + "/api/accounts/alice/deposits"))
                    .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}"))), 415,
                    "Content-Type");
            assertProblem(post(api + "/api/accounts/alice/deposits", "{\"amount\": 1, \"pad\": \""
                    + "x".repeat(1024 * 1024) + "\"}"), 413, "body");
            assertProblem(get(api + "/api/accounts/alice?asOf=yesterday"), 400, "asOf");
            assertProblem(get(api + "/api/accounts/nobody"), 404, null);
            assertProblem(get(api + "/api/nothing/here"), 404, null);
            assertThat(get(api + "/api/accounts/nobody").statusCode()).isEqualTo(404);
            assertThat(get(api + "/health/ready").statusCode()).isEqualTo(200);
            assertThat(get(api + "/health/live").statusCode()).isEqualTo(200);
            // None of it reached the log.
            assertThat(get(api + "/api/accounts/alice").statusCode()).isEqualTo(404);
        }
    }

    private Eventline start() throws Exception {
        EventlineConfig config = new EventlineConfig(new EventlineConfig.Http("127.0.0.1", 0, Optional.empty()),
                new EventlineConfig.Kafka(Optional.empty(), 0, Map.of()), dataDir, EventlineConfig.Saga.CHOREOGRAPHY,
                EventlineConfig.ORDER_SERVICES);
        Eventline eventline = Eventline.start(config);
        eventline.awaitReady(READY);
        return eventline;
    }

    private static void awaitClockPast(Instant instant) {
        // Event times have millisecond precision: make sure the next command is stamped later.
        while (!Instant.now().isAfter(instant.plusMillis(2))) {
            Thread.onSpinWait();
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("status").intValue()).isEqualTo(status);
        assertThat(problem.has("title") && problem.has("detail") && problem.has("type")).isTrue();
        if (field != null) {
            assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo(field);
        }
    }

    private HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.readTree(response.body().getBytes(StandardCharsets.UTF_8));
    }

    private static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        records.sort((a, b) -> Long.compare(a.offset(), b.offset()));
        return records;
    }
}
