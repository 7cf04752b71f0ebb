package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.accounts.AccountsService;
import io.eventline.contracts.Money;
import io.eventline.contracts.accounts.Deposit;
import io.eventline.core.decider.CommandEnvelope;
import io.eventline.core.dlq.DeadLetterHeaders;
import io.eventline.core.envelope.EventMetadata;
import io.eventline.core.envelope.Json;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} after a seeded mix of orders: Prometheus's own checker accepts it, and its
 * series say what happened: how each order ended, how long it took, how long each service took to
 * process what it read, and how many dead letters wait, until they are replayed.
 */
@Tag("integration")
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsTest {
    private static final String SHIPPED = "SHIPPED";

    @TempDir
    static Path dataDir;

    private Eventline eventline;
    private TestApi api;
    private PlatformLedger ledger;
    private Scenario scenario;

    @BeforeAll
    void placeOrders() throws Exception {
        scenario = Scenario.generate(Long.getLong("eventline.seed", 8), 20, 10, 60);
        eventline = Eventline.start(PlatformInvariantsTest.config(dataDir, EventlineConfig.Saga.CHOREOGRAPHY));
        eventline.awaitReady(Duration.ofSeconds(120));
        api = new TestApi(eventline.httpPort());
        PlatformRun.setUp(api, scenario);
        ledger = new PlatformLedger(api, scenario, PlatformRun.placeAll(api, scenario));
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> ledger.check("seed " + scenario.seed()));
    }

    @AfterAll
    void stop() {
        if (eventline != null) {
            eventline.close();
        }
    }

    @Test
    void shouldPassPrometheusCheckerWhenScraped() throws Exception {
        Path promtool = Promtool.find().orElse(null);
        Assumptions.assumeTrue(promtool != null, Promtool.MISSING);
        String scraped = scrape();
        Files.writeString(Path.of("target", "metrics-sample.txt"), scraped); // to read what a scrape holds

        Promtool.Verdict verdict = Promtool.checkMetrics(promtool, scraped);

        assertThat(verdict.exitCode()).as("promtool check metrics said:%n%s", verdict.output()).isZero();
    }

    @Test
    void shouldCountEachOrderOnceByOutcomeWhenOrdersEnd() {
        PrometheusText metrics = PrometheusText.parse(scrape());
        Map<String, Long> outcomes = ledger.outcomes();
        assertThat(outcomes.getOrDefault(SHIPPED, 0L)).as("the scenario ships some orders").isPositive();

        Map<String, Long> counted = metrics.series("eventline_orders_completed_total", Map.of()).stream()
                .filter(sample -> sample.value() > 0)
                .collect(Collectors.toMap(sample -> sample.labels().get("outcome").equals(SHIPPED) ? SHIPPED
                        : sample.labels().get("reason"), sample -> (long) sample.value(), Long::sum, TreeMap::new));
        assertThat(counted).isEqualTo(new TreeMap<>(outcomes));
        double latencies = metrics.sum("eventline_orders_latency_seconds_count", labels -> true);
        assertThat(latencies).as("one latency per ended order").isEqualTo(scenario.orders().size());
        assertThat(metrics.value("eventline_orders_latency_seconds_bucket", Map.of("outcome", SHIPPED, "le", "+Inf")))
                .isEqualTo(outcomes.get(SHIPPED).doubleValue());
        assertThat(metrics.value("eventline_orders_latency_seconds_sum", Map.of("outcome", SHIPPED)))
                .as("shipping takes time: payment, stock and shipment, each a hop through Kafka").isPositive();
    }

    @Test
    void shouldMeasureEachServiceAndCountEventsPerTopicWhenRecordsFlow() {
        PrometheusText metrics = PrometheusText.parse(scrape());

        for (String service : new String[] {"orders", "accounts", "inventory", "shipping", "notifications",
            "orders-view-v1"}) {
            assertThat(metrics.value("eventline_processing_latency_seconds_count", Map.of("service", service)))
                    .as(service).isPositive();
            assertThat(metrics.value("eventline_processing_latency_seconds_bucket", Map.of("service", service,
                    "le", "+Inf"))).isEqualTo(metrics.value("eventline_processing_latency_seconds_count",
                    Map.of("service", service)));
        }
        // Each order appends order.placed and how it ended, at least.
        assertThat(metrics.value("eventline_events_appended_total", Map.of("topic", "orders.events")))
                .isGreaterThanOrEqualTo(2.0 * scenario.orders().size());
        assertThat(metrics.value("eventline_consumer_group_rebalances_total", Map.of("group",
                eventline.applicationIdOf("orders"))))
                .as("joining the group is a rebalance").isPositive();
        assertThat(metrics.series("eventline_consumer_lag_records", Map.of("group",
                eventline.applicationIdOf("notifications"), "topic", "orders.events"))).as("a series per partition").hasSize(Eventline.PARTITIONS);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            PrometheusText later = PrometheusText.parse(scrape());
            assertThat(later.sum("eventline_consumer_lag_records", labels -> true))
                    .as("every order ended: nothing is left to read").isZero();
            assertThat(later.sum("kafka_producer_topic_record_send_total",
                    labels -> labels.get("topic").equals("orders.events"))).as("Kafka's own count").isPositive();
        });
    }

    @Test
    void shouldShowDeadLettersWaitingUntilReplayedWhenBadRecordsArrive() throws Exception {
        try (BadRecords bad = new BadRecords(eventline.bootstrapServers())) {
            String good = goodDeadLetter(bad);
            awaitDepths(depths -> depths.get("accounts.dlq") == 1);
            assertThat(api.post("/api/dlq/" + good + "/replay", "").statusCode()).isEqualTo(202);
            awaitDepths(depths -> depths.get("accounts.dlq") == 0);

            bad.raw("orders.events", "garbage-1", new byte[] {(byte) 0xFF, 'g', 'a', 'r', 'b', 'a', 'g', 'e'}, Map.of());
            Map<String, Long> waiting = awaitDepths(depths -> Stream.of("notifications", "orders-view", "analytics",
                    "fraud").allMatch(reader -> depths.get(reader + ".dlq") == 1));
            System.out.println("MetricsTest: dead letters of one garbage record, per topic " + waiting);
            // Accounts, inventory and shipping react to orders as the orders decider writes them, in its
            // task: they never read orders.events, so a record another producer put there is not theirs to
            // dead-letter.
            assertThat(waiting).as("each service reading orders.events dead-lettered it")
                    .containsEntry("orders-view.dlq", 1L).containsEntry("analytics.dlq", 1L)
                    .containsEntry("fraud.dlq", 1L).containsEntry("shipping.dlq", 0L)
                    .containsEntry("accounts.dlq", 0L).containsEntry("inventory.dlq", 0L);
        }
    }

    /** The depths per dead-letter topic, once they pass and agree with {@code GET /api/dlq}. */
    private Map<String, Long> awaitDepths(java.util.function.Predicate<Map<String, Long>> expected) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(this::depthsIfListed, depths -> !depths.isEmpty() && expected.test(depths));
    }

    /** The depths the metrics say, once they agree with what {@code GET /api/dlq} lists as not replayed. */
    private Map<String, Long> depthsIfListed() {
        Map<String, Long> metered = new TreeMap<>();
        PrometheusText.parse(scrape()).series("eventline_dlq_depth_records", Map.of())
                .forEach(sample -> metered.put(sample.labels().get("topic"), (long) sample.value()));
        Map<String, Long> listed = new TreeMap<>();
        metered.keySet().forEach(topic -> listed.put(topic, 0L));
        StreamSupport.stream(api.json("/api/dlq").spliterator(), false)
                .filter(letter -> !letter.get("replayed").asBoolean())
                .forEach(letter -> listed.merge(queue(letter), 1L, Long::sum));
        return metered.equals(listed) ? metered : Map.of();
    }

    private static String queue(JsonNode letter) {
        String id = letter.get("id").asText();
        return id.substring(0, id.indexOf(".dlq-") + 4);
    }

    /** A dead letter of a good deposit, as Kafka Streams would have written it: a replay applies it. */
    private static String goodDeadLetter(BadRecords bad) throws Exception {
        Deposit deposit = new Deposit("dlq-metrics", Money.of(new BigDecimal("1.00")));
        byte[] command = Json.write(new CommandEnvelope("dlq-metrics-deposit", "account.deposit", 1, "dlq-metrics",
                AccountsService.AGGREGATE.commands().encode(deposit), new EventMetadata("dlq", "dlq", "test")));
        RecordMetadata landed = bad.raw("accounts.dlq", "dlq-metrics", command, Map.of(
                DeadLetterHeaders.STREAMS_EXCEPTION, "java.lang.IllegalStateException",
                DeadLetterHeaders.STREAMS_MESSAGE, "a store was briefly unavailable",
                DeadLetterHeaders.STREAMS_TOPIC, AccountsService.AGGREGATE.commandTopic(),
                DeadLetterHeaders.STREAMS_PARTITION, "-1",
                DeadLetterHeaders.STREAMS_OFFSET, "0"));
        return "accounts.dlq-" + landed.partition() + "-" + landed.offset();
    }

    @Test
    void shouldServeEveryMetricTheDashboardAndTheAlertRulesReadAndCountRequestsByRoute() throws Exception {
        assertThat(api.get("/api/orders/no-such-order").statusCode()).isEqualTo(404);
        Map<String, String> notFound = Map.of("method", "GET", "uri", "/api/orders/{orderId}", "status", "404",
                "outcome", "CLIENT_ERROR");
        await().atMost(Duration.ofSeconds(10)).until(() -> PrometheusText.parse(scrape()).samples().stream()
                .anyMatch(sample -> sample.name().equals("http_server_requests_seconds_count") && sample.has(notFound)
                        && sample.value() >= 1));
        java.util.Set<String> served = PrometheusText.parse(scrape()).samples().stream()
                .map(PrometheusText.Sample::name).collect(Collectors.toSet());
        Path deploy = Path.of("").toAbsolutePath().getParent().resolve("deploy");
        String read = Files.readString(deploy.resolve("grafana/eventline-dashboard.json"))
                + Files.readString(deploy.resolve("prometheus/eventline-rules.yml"));
        java.util.Set<String> names = java.util.regex.Pattern
                .compile("\\b((?:eventline|kafka_stream|http_server|jvm|process)_[a-z0-9_]+)").matcher(read)
                .results().map(match -> match.group(1)).collect(Collectors.toCollection(java.util.TreeSet::new));
        assertThat(names).as("metrics the dashboard and the rules read").hasSizeGreaterThan(10);
        assertThat(served).as("metrics a scrape serves").containsAll(names);
    }

    private String scrape() {
        HttpResponse<String> response = api.get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        return response.body();
    }
}
