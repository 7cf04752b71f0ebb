package io.eventline.app;

import static io.eventline.app.CatalogLog.consumer;
import static io.eventline.app.CatalogLog.header;
import static io.eventline.app.CatalogLog.pricesBySku;
import static io.eventline.app.CatalogLog.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.catalog.CatalogConnector;
import io.eventline.catalog.CatalogDatabase;
import io.eventline.catalog.PostgresAddress;
import io.eventline.catalog.ReplicationSlot;
import io.eventline.catalog.WorkerSettings;
import io.eventline.contracts.catalog.CatalogContracts;
import io.eventline.core.envelope.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog end to end: the embedded broker, the embedded PostgreSQL and the in-process Kafka Connect
 * worker running Debezium. Rows written with plain SQL (not the route) appear on {@code catalog.products}
 * as events in the platform's envelope, and a delete as a tombstone; Debezium's connections cut in the
 * middle lose and repeat nothing. Only the catalog service runs.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class CatalogEndToEndTest {
    private static final Duration READY = Duration.ofSeconds(60);
    private final HttpClient http = HttpClient.newHttpClient();
    // One platform for both tests, which touch different skus: it takes ~15 s to start on this machine.
    private Eventline eventline;

    @TempDir
    static Path dataDir;

    // The test's own PostgreSQL, given as --postgres-url would give it, so that the test can stop and
    // start the server itself (the embedded one Eventline starts by default runs in the other tests).
    private CatalogDatabase postgres;

    @BeforeAll
    void start() throws Exception {
        postgres = CatalogDatabase.start(dataDir.resolve("own-postgres"));
        EventlineConfig config = new EventlineConfig(new EventlineConfig.Http("127.0.0.1", 0, Optional.empty()),
                new EventlineConfig.Kafka(Optional.empty(), 0, Map.of()), dataDir, EventlineConfig.Saga.CHOREOGRAPHY,
                List.of(CatalogModule.NAME), EventlineConfig.Mail.FILES,
                new EventlineConfig.Catalog(Optional.of(postgres.address()), Optional.empty()));
        eventline = Eventline.start(config);
        eventline.awaitReady(READY);
    }

    @AfterAll
    void stop() {
        if (eventline != null) {
            eventline.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void shouldLoseAndRepeatNothingWhenPostgresItselfStopsAndStartsAgain() throws Exception {
        PostgresAddress database = eventline.catalogDatabase().orElseThrow();
        assertEachRowOnceAcross("pg-", () -> {
            postgres.close(); // a clean shutdown of the server: every session ends, Debezium's stream too
            postgres = CatalogDatabase.start(dataDir.resolve("own-postgres")); // the same data, port and slot
        });
        // One slot, the same, across the restart: none left behind holding write-ahead log.
        assertThat(CatalogLog.rows(database, "SELECT slot_name FROM pg_replication_slots"))
                .containsExactly(ReplicationSlot.NAME);
        // The sink writes again to the restarted server.
        CatalogLog.ship(eventline.bootstrapServers(), "order-after-restart");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(CatalogLog.rows(database,
                "SELECT status FROM reporting.orders WHERE order_id = 'order-after-restart'")).containsExactly("SHIPPED"));
    }

    @Test
    void shouldCarryInsertsUpdatesAndDeletesOfTheProductsTableToTheCatalogTopic() throws Exception {
        PostgresAddress database = eventline.catalogDatabase().orElseThrow();
        sql(database, "INSERT INTO products (sku, name, category, price, currency) "
                + "VALUES ('mug', 'Blue mug', 'kitchen', 12.50, 'EUR'), ('plate', 'Plate', 'kitchen', 8, 'EUR')");
        sql(database, "UPDATE products SET price = 14.00, category = 'tableware' WHERE sku = 'mug'");
        sql(database, "DELETE FROM products WHERE sku = 'plate'");

        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(eventline.bootstrapServers())) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                assertThat(pricesBySku(records)).containsEntry("mug", List.of("12.50", "14.00"))
                        .containsEntry("plate", List.of("8.00", "tombstone"));
            });
        }
        List<ConsumerRecord<String, String>> mug = records.stream().filter(r -> r.key().equals("mug")).toList();
        List<ConsumerRecord<String, String>> plate = records.stream().filter(r -> r.key().equals("plate")).toList();
        assertThat(mug).hasSize(2);
        assertThat(plate).hasSize(2);

        JsonNode inserted = Json.readTree(mug.get(0).value().getBytes(StandardCharsets.UTF_8));
        assertThat(inserted.get("eventType").asText()).isEqualTo("product.updated");
        assertThat(inserted.get("aggregateId").asText()).isEqualTo("mug");
        assertThat(inserted.get("metadata").get("source").asText()).isEqualTo("catalog");
        assertThat(inserted.get("data").get("price").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(header(mug.get(0), "ce_type")).isEqualTo("product.updated");
        assertThat(header(mug.get(0), "eventId")).isEqualTo(inserted.get("eventId").asText());

        JsonNode updated = Json.readTree(mug.get(1).value().getBytes(StandardCharsets.UTF_8));
        assertThat(updated.get("data").get("price").toString()).isEqualTo("14.00");
        assertThat(updated.get("data").get("category").asText()).isEqualTo("tableware");
        assertThat(updated.get("eventId").asText()).isNotEqualTo(inserted.get("eventId").asText());

        assertThat(plate.get(0).value()).contains("\"name\":\"Plate\"");
        assertThat(plate.get(1).value()).as("the delete is a tombstone").isNull();

        // Exactly-once source (KIP-618): the connector's task writes through a transactional producer.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, eventline.bootstrapServers()))) {
            assertThat(admin.listTransactions().all().get()).extracting(TransactionListing::transactionalId)
                    .contains(WorkerSettings.GROUP + "-" + CatalogConnector.NAME + "-0");
        }

        String api = "http://127.0.0.1:" + eventline.httpPort() + "/api/catalog/products/";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(get(api + "mug").body()).contains("\"price\":14.00"));
        assertThat(get(api + "plate").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldWriteTheRowThroughTheRouteAndRefuseBadFieldsByName() throws Exception {
        String api = "http://127.0.0.1:" + eventline.httpPort() + "/api/catalog/products/";
        assertProblem(put(api + "lamp", "{\"name\":\"Lamp\",\"category\":\"light\",\"price\":0,\"currency\":\"EUR\"}"), "price");
        assertProblem(put(api + "lamp", "{\"name\":\"Lamp\",\"category\":\"light\",\"price\":1,\"currency\":\"eur\"}"), "currency");
        assertProblem(put(api + "lamp", "{\"name\":\"Lamp\",\"price\":1,\"currency\":\"EUR\"}"), "category");
        assertProblem(put(api + "lamp", "{\"name\":\"Lamp\",\"category\":\"l\",\"price\":1,\"currency\":\"EUR\",\"x\":1}"), "x");
        assertProblem(put(api + "lamp", "{\"name\":\"Lamp\",\"category\":\"l\",\"price\":1,\"currency\":\"EUR\",\"active\":\"no\"}"), "active");
        assertProblem(put(api + "bad%20sku", "{\"name\":\"Lamp\",\"category\":\"l\",\"price\":1,\"currency\":\"EUR\"}"), "sku");

        HttpResponse<String> written = put(api + "lamp",
                "{\"name\":\"Lamp\",\"category\":\"light\",\"price\":39.90,\"currency\":\"EUR\",\"active\":false}");
        assertThat(written.statusCode()).as(written.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> product = get(api + "lamp");
            assertThat(product.statusCode()).isEqualTo(200);
            assertThat(product.body()).contains("\"price\":39.90").contains("\"active\":false");
        });
    }

    @Test
    void shouldLoseAndRepeatNothingWhenDebeziumsConnectionsAreCutInTheMiddle() throws Exception {
        PostgresAddress database = eventline.catalogDatabase().orElseThrow();
        // As when PostgreSQL fails over or a network drops: the server ends every session, Debezium's
        // replication stream among them; it must come back and resume from its slot.
        assertEachRowOnceAcross("r-", () -> sql(database, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                + "WHERE pid <> pg_backend_pid() AND (backend_type = 'walsender' OR datname = 'eventline')"));
    }

    /** Something that interrupts capture: a server stopped, sessions ended. */
    private interface Interruption {
        void happen() throws Exception;
    }

    /**
     * Ten rows inserted, then {@code interruption}, then ten more and an update of the first: each row
     * reaches {@code catalog.products} exactly once, and the update after it.
     */
    private void assertEachRowOnceAcross(String prefix, Interruption interruption) throws Exception {
        PostgresAddress database = eventline.catalogDatabase().orElseThrow();
        for (int i = 0; i < 10; i++) {
            sql(database, "INSERT INTO products (sku, name, category, price, currency) VALUES ('" + prefix + i
                    + "', 'Before', 'restart', 1, 'EUR')");
        }
        interruption.happen();
        for (int i = 10; i < 20; i++) {
            sql(database, "INSERT INTO products (sku, name, category, price, currency) VALUES ('" + prefix + i
                    + "', 'After', 'restart', 2, 'EUR')");
        }
        sql(database, "UPDATE products SET price = 3 WHERE sku = '" + prefix + "0'");

        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(eventline.bootstrapServers())) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.key().startsWith(prefix)) {
                        records.add(record);
                    }
                });
                assertThat(pricesBySku(records).get(prefix + "0")).isEqualTo(List.of("1.00", "3.00"));
                assertThat(pricesBySku(records)).hasSize(20);
            });
        }
        Map<String, List<String>> prices = pricesBySku(records);
        for (int i = 1; i < 20; i++) {
            assertThat(prices.get(prefix + i)).as(prefix + i).isEqualTo(List.of(i < 10 ? "1.00" : "2.00"));
        }
    }

    @Test
    void shouldCarryOnWhenTheTableOwnerAddsAColumn() throws Exception {
        PostgresAddress database = eventline.catalogDatabase().orElseThrow();
        sql(database, "ALTER TABLE products ADD COLUMN IF NOT EXISTS colour text");
        sql(database, "INSERT INTO products (sku, name, category, price, currency, colour) "
                + "VALUES ('scarf', 'Scarf', 'clothes', 25, 'EUR', 'red')");

        String api = "http://127.0.0.1:" + eventline.httpPort() + "/api/catalog/products/";
        // product.updated v1 carries the columns it knows; the new one changes nothing for its readers.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get(api + "scarf").body()).contains("\"name\":\"Scarf\"").doesNotContain("colour"));
    }

    @Test
    void shouldNotBeReadyWhileTheConnectorIsPaused() throws Exception {
        String base = "http://127.0.0.1:" + eventline.httpPort();
        String connector = eventline.connectUrl().orElseThrow() + "connectors/" + CatalogConnector.NAME;
        assertThat(get(base + "/metrics").body()).contains("eventline_catalog_connector_running 1.0");
        JsonNode connectors = Json.readTree(get(base + "/api/catalog/connectors").body().getBytes(StandardCharsets.UTF_8));
        assertThat(connectors.get("running").asBoolean()).as(connectors.toString()).isTrue();
        assertThat(connectors.get("slotLagBytes").asLong()).as(connectors.toString()).isGreaterThanOrEqualTo(0);
        // The source's lag (the slot's unconfirmed write-ahead log) and the sink's (its consumer group's).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get(base + "/metrics").body())
                .containsPattern("(?m)^eventline_catalog_slot_lag_bytes [0-9]")
                .contains("eventline_consumer_lag_records{group=\"eventline-reporting-sink\""));
        assertThat(get(base + "/health/ready").statusCode()).isEqualTo(200);
        try {
            assertThat(put(connector + "/pause", "").statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                HttpResponse<String> ready = get(base + "/health/ready");
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(ready.body()).contains("the catalog's connector " + CatalogConnector.NAME + " is PAUSED");
                assertThat(get(base + "/api/catalog/connectors").body()).contains("\"running\":false")
                        .contains(CatalogConnector.NAME + " is PAUSED");
            });
            assertThat(get(base + "/metrics").body()).contains("eventline_catalog_connector_running 0.0");
        } finally {
            put(connector + "/resume", "");
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(get(base + "/health/ready").statusCode()).isEqualTo(200));
    }

    @Test
    void shouldEnrichShippedLinesWithTheCategoryThatPostgresHasNow() throws Exception {
        PostgresAddress database = eventline.catalogDatabase().orElseThrow();
        String api = "http://127.0.0.1:" + eventline.httpPort() + "/api/catalog/products/";
        sql(database, "INSERT INTO products (sku, name, category, price, currency) "
                + "VALUES ('teapot', 'Teapot', 'kitchen', 30, 'EUR')");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get(api + "teapot").statusCode()).isEqualTo(200));
        CatalogLog.ship(eventline.bootstrapServers(), "order-teapot-1");
        sql(database, "UPDATE products SET category = 'tea' WHERE sku = 'teapot'");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get(api + "teapot").body()).contains("\"category\":\"tea\""));
        CatalogLog.ship(eventline.bootstrapServers(), "order-teapot-2");

        List<String> categories = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(eventline.bootstrapServers(), CatalogContracts.SALES_TOPIC)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode sale = Json.readTree(record.value().getBytes(StandardCharsets.UTF_8)).get("data");
                    categories.add(sale.get("orderId").asText() + ":" + sale.get("category").asText() + ":"
                            + sale.get("revenue"));
                }
                assertThat(categories).containsExactly("order-teapot-1:kitchen:60.00", "order-teapot-2:tea:60.00");
            });
        }
        // Summed per category and minute: each teapot sale in its category's row (the same minute, or the next).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode rows = Json.readTree(get("http://127.0.0.1:" + eventline.httpPort() + "/api/catalog/revenue").body()
                    .getBytes(StandardCharsets.UTF_8));
            List<String> teapots = new ArrayList<>();
            rows.forEach(row -> {
                if (row.get("category").asText().equals("tea")) {
                    teapots.add("tea " + row.get("revenue").get("EUR"));
                }
            });
            assertThat(teapots).containsExactly("tea 60.00");
            assertThat(rows.toString()).contains("\"category\":\"kitchen\"");
        });

        // The reporting schema, as an analyst queries it with psql: written by the JDBC sink, upserted by
        // key, equal to what the platform serves.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(CatalogLog.rows(database, "SELECT category, sum(revenue), sum(quantity) FROM reporting.sales "
                    + "WHERE sku = 'teapot' GROUP BY category ORDER BY category"))
                    .containsExactly("kitchen 60.00 2", "tea 60.00 2");
            assertThat(CatalogLog.rows(database, "SELECT order_id, status FROM reporting.orders "
                    + "WHERE order_id LIKE 'order-teapot-%' ORDER BY order_id"))
                    .containsExactly("order-teapot-1 SHIPPED", "order-teapot-2 SHIPPED");
        });
    }

    @Test
    void shouldDeadLetterWhatTheReportingSinkCannotWriteAndGoOn() throws Exception {
        PostgresAddress database = eventline.catalogDatabase().orElseThrow();
        String bootstrap = eventline.bootstrapServers();
        CatalogLog.send(bootstrap, CatalogContracts.SALES_TOPIC, "bad", "{\"eventId\":\"bad-1\",\"eventType\":"
                + "\"sale.recorded\",\"data\":{\"orderId\":\"o-bad\",\"quantity\":\"two\"}}");
        CatalogLog.ship(bootstrap, "order-after-bad");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(CatalogLog.rows(database,
                "SELECT status FROM reporting.orders WHERE order_id = 'order-after-bad'")).containsExactly("SHIPPED"));
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap, CatalogConnector.SINK_DLQ_TOPIC)) {
            List<String> reasons = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    reasons.add(record.key() + ": " + header(record, "__connect.errors.exception.message"));
                }
                assertThat(reasons).singleElement().asString().startsWith("bad: ").contains("quantity");
            });
        }
        assertThat(CatalogLog.rows(database, "SELECT count(*) FROM reporting.sales WHERE order_id = 'o-bad'"))
                .containsExactly("0");

        // Listed with the platform's dead letters, with its reason; not replayed (catalog.sales has other readers).
        String base = "http://127.0.0.1:" + eventline.httpPort();
        JsonNode letter = null;
        for (JsonNode each : Json.readTree(get(base + "/api/dlq").body().getBytes(StandardCharsets.UTF_8))) {
            if (each.get("id").asText().startsWith(CatalogConnector.SINK_DLQ_TOPIC + "-")) {
                letter = each;
            }
        }
        assertThat(letter).as("the sink's dead letter in GET /api/dlq").isNotNull();
        assertThat(letter.get("reason").asText()).isEqualTo("sink-failed");
        assertThat(letter.get("topic").asText()).isEqualTo(CatalogContracts.SALES_TOPIC);
        assertThat(letter.get("error").asText()).contains("quantity");
        HttpResponse<String> replay = send(HttpRequest.newBuilder(URI.create(base + "/api/dlq/"
                + letter.get("id").asText() + "/replay")).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(409);
        assertThat(replay.body()).contains("Kafka Connect sink");
    }

    private static void assertProblem(HttpResponse<String> response, String field) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problem = Json.readTree(response.body().getBytes(StandardCharsets.UTF_8));
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo(field);
    }

    private HttpResponse<String> put(String url, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
