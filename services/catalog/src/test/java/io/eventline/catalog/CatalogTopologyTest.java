package io.eventline.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.contracts.Money;
import io.eventline.contracts.catalog.CatalogContracts;
import io.eventline.contracts.catalog.ProductUpdated;
import io.eventline.contracts.catalog.SaleRecorded;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.kafka.Sources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Debezium's change records in, the catalog topic out: envelopes, tombstones, and repeats dropped; and
 * shipped order lines joined with the catalog into sales.
 */
class CatalogTopologyTest {
    private static final byte[] MUG_KEY = "{\"sku\":\"mug\"}".getBytes(StandardCharsets.UTF_8);

    // Each driver's state dir, deleted after the test: the driver empties it on close but leaves it in /tmp.
    private final List<Path> stateDirs = new ArrayList<>();
    final TopologyTestDriver driver = driver();
    final TestInputTopic<byte[], byte[]> changes = driver.createInputTopic(CatalogConnector.CHANGES_TOPIC,
            new ByteArraySerializer(), new ByteArraySerializer());
    final TestOutputTopic<String, byte[]> products = driver.createOutputTopic(CatalogContracts.TOPIC,
            new StringDeserializer(), new ByteArrayDeserializer());
    final TestInputTopic<String, byte[]> orders = driver.createInputTopic(OrderContracts.TOPIC,
            new StringSerializer(), new ByteArraySerializer());
    final TestOutputTopic<String, byte[]> sales = driver.createOutputTopic(CatalogContracts.SALES_TOPIC,
            new StringDeserializer(), new ByteArrayDeserializer());

    @AfterEach
    void close() throws IOException {
        driver.close();
        for (Path dir : stateDirs) {
            try (Stream<Path> left = Files.walk(dir)) {
                for (Path path : left.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @Test
    void shouldPublishTheWholeRowInItsEnvelopeWhenARowIsInserted() {
        changes.pipeInput(MUG_KEY, change("c", 100, "12.50"));

        TestRecord<String, byte[]> record = products.readRecord();
        EventEnvelope envelope = EnvelopeCodec.fromBytes(record.value());
        assertThat(record.key()).isEqualTo("mug");
        assertThat(envelope.eventType()).isEqualTo("product.updated");
        assertThat(envelope.aggregateId()).isEqualTo("mug");
        assertThat(envelope.metadata().source()).isEqualTo("catalog");
        assertThat(CatalogContracts.EVENTS.decode(envelope.eventType(), envelope.version(), envelope.data()))
                .isEqualTo(new ProductUpdated("mug", "Blue mug", "kitchen", Money.of(new BigDecimal("12.50")), "EUR",
                        true, "2026-12-04T10:03:00.123Z"));
        assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("product.updated");
        assertThat(driver.getKeyValueStore(CatalogService.STORE).get("mug")).isEqualTo(record.value());
    }

    @Test
    void shouldWriteNothingWhenDebeziumDeliversAChangeAgain() {
        changes.pipeInput(MUG_KEY, change("c", 100, "12.50"));
        changes.pipeInput(MUG_KEY, change("u", 200, "14.00"));
        changes.pipeInput(MUG_KEY, change("c", 100, "12.50"));
        changes.pipeInput(MUG_KEY, change("u", 200, "14.00"));

        List<TestRecord<String, byte[]>> written = products.readRecordsToList();
        assertThat(written).hasSize(2);
        assertThat(new String(written.get(1).value(), StandardCharsets.UTF_8)).contains("\"price\":14.00");
    }

    @Test
    void shouldBuildTheSameRecordWhenTheSameChangeIsReadAfresh() {
        changes.pipeInput(MUG_KEY, change("c", 100, "12.50"));
        byte[] first = products.readValue();
        try (TopologyTestDriver another = driver()) {
            another.createInputTopic(CatalogConnector.CHANGES_TOPIC, new ByteArraySerializer(), new ByteArraySerializer())
                    .pipeInput(MUG_KEY, change("c", 100, "12.50"));
            assertThat(another.createOutputTopic(CatalogContracts.TOPIC, new StringDeserializer(),
                    new ByteArrayDeserializer()).readValue()).isEqualTo(first);
        }
    }

    @Test
    void shouldWriteOneTombstoneWhenARowIsDeleted() {
        changes.pipeInput(MUG_KEY, change("c", 100, "12.50"));
        changes.pipeInput(MUG_KEY, delete(300));
        changes.pipeInput(MUG_KEY, (byte[]) null); // Debezium's own tombstone after the delete

        List<TestRecord<String, byte[]>> written = products.readRecordsToList();
        assertThat(written).hasSize(2);
        assertThat(written.get(1).key()).isEqualTo("mug");
        assertThat(written.get(1).value()).isNull();
        assertThat(driver.getKeyValueStore(CatalogService.STORE).get("mug")).isNull();
    }

    @Test
    void shouldEnrichEachShippedLineWithTheProductAsTheCatalogHasItThen() {
        changes.pipeInput(MUG_KEY, change("c", 100, "12.50"));
        shipped("order-1", "2026-12-04T10:05:00.000Z", "{\"sku\":\"mug\",\"quantity\":2,\"price\":12.50},"
                + "{\"sku\":\"kettle\",\"quantity\":1,\"price\":30.00}");
        changes.pipeInput(MUG_KEY, ("{\"before\":null,\"after\":{\"sku\":\"mug\",\"name\":\"Blue mug\","
                + "\"category\":\"tableware\",\"price\":\"12.50\",\"currency\":\"EUR\",\"active\":true,"
                + "\"updated_at\":\"2026-12-04T10:06:00Z\"},\"source\":{\"ts_ms\":1796380990000,\"txId\":20,"
                + "\"lsn\":200},\"op\":\"u\"}").getBytes(StandardCharsets.UTF_8));
        shipped("order-2", "2026-12-04T10:07:00.000Z", "{\"sku\":\"mug\",\"quantity\":1,\"price\":12.50}");

        List<TestRecord<String, byte[]>> written = sales.readRecordsToList();
        assertThat(written).extracting(record -> saleOf(record.value())).containsExactly(
                new SaleRecorded("mug", "Blue mug", "kitchen", 2, Money.of(new BigDecimal("25.00")), "EUR", "order-1",
                        "2026-12-04T10:05:00.000Z"),
                new SaleRecorded("kettle", "kettle", SaleRecorded.UNCATALOGUED, 1, Money.of(new BigDecimal("30.00")),
                        "EUR", "order-1", "2026-12-04T10:05:00.000Z"),
                new SaleRecorded("mug", "Blue mug", "tableware", 1, Money.of(new BigDecimal("12.50")), "EUR",
                        "order-2", "2026-12-04T10:07:00.000Z"));
        assertThat(written.get(0).key()).isEqualTo("mug");
        assertThat(new String(written.get(0).headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("sale.recorded");
    }

    @Test
    void shouldSumTheRevenueOfEachCategoryPerMinute() {
        changes.pipeInput(MUG_KEY, change("c", 100, "12.50"));
        shipped("order-1", "2026-12-04T10:05:10.000Z", "{\"sku\":\"mug\",\"quantity\":2,\"price\":12.50}");
        shipped("order-2", "2026-12-04T10:05:50.000Z", "{\"sku\":\"mug\",\"quantity\":1,\"price\":12.50},"
                + "{\"sku\":\"kettle\",\"quantity\":1,\"price\":30.00}");
        shipped("order-3", "2026-12-04T10:06:01.000Z", "{\"sku\":\"mug\",\"quantity\":1,\"price\":12.50}");

        List<String> figures = new java.util.ArrayList<>();
        try (var all = driver.<String, CategoryFigures>getWindowStore(CategoryRevenue.STORE).all()) {
            all.forEachRemaining(entry -> figures.add(entry.key.key() + "@" + entry.key.window().startTime() + " "
                    + entry.value.units() + " " + entry.value.revenue()));
        }
        assertThat(figures).containsExactlyInAnyOrder("kitchen@2026-12-04T10:05:00Z 3 {EUR=37.50}",
                "uncatalogued@2026-12-04T10:05:00Z 1 {EUR=30.00}", "kitchen@2026-12-04T10:06:00Z 1 {EUR=12.50}");
    }

    private void shipped(String orderId, String at, String items) {
        orders.pipeInput(orderId, shippedEvent(orderId, at, items), java.time.Instant.parse(at));
    }

    private static byte[] shippedEvent(String orderId, String at, String items) {
        return ("{\"eventId\":\"" + UUID.nameUUIDFromBytes(orderId.getBytes(StandardCharsets.UTF_8))
                + "\",\"eventType\":\"order.shipped\",\"version\":1,\"timestamp\":\"" + at + "\",\"aggregateId\":\""
                + orderId + "\",\"data\":{\"orderId\":\"" + orderId + "\",\"customerId\":\"alice\",\"items\":[" + items
                + "],\"currency\":\"EUR\",\"total\":1.00},\"metadata\":{\"correlationId\":\"" + orderId
                + "\",\"causationId\":\"c\",\"source\":\"orders\"}}").getBytes(StandardCharsets.UTF_8);
    }

    private static SaleRecorded saleOf(byte[] value) {
        EventEnvelope envelope = EnvelopeCodec.fromBytes(value);
        return switch (CatalogContracts.SALES.decode(envelope.eventType(), envelope.version(), envelope.data())) {
            case SaleRecorded sale -> sale;
        };
    }

    private static byte[] change(String op, long lsn, String price) {
        return ("{\"before\":null,\"after\":{\"sku\":\"mug\",\"name\":\"Blue mug\",\"category\":\"kitchen\","
                + "\"price\":\"" + price + "\",\"currency\":\"EUR\",\"active\":true,"
                + "\"updated_at\":\"2026-12-04T10:03:00.123456Z\"},\"source\":{\"connector\":\"postgresql\","
                + "\"ts_ms\":1796380980000,\"txId\":" + lsn / 10 + ",\"lsn\":" + lsn + "},\"op\":\"" + op + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] delete(long lsn) {
        return ("{\"before\":{\"sku\":\"mug\",\"name\":\"Blue mug\"},\"after\":null,\"source\":{\"ts_ms\":1796380990000,"
                + "\"txId\":30,\"lsn\":" + lsn + "},\"op\":\"d\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** Each driver with its own state dir: two of them at once must not share the store's lock. */
    private TopologyTestDriver driver() {
        StreamsBuilder builder = new StreamsBuilder();
        CatalogService.addTo(new Sources(builder));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test-catalog");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        try {
            Path stateDir = Files.createTempDirectory("catalog-topology");
            stateDirs.add(stateDir);
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TopologyTestDriver(builder.build(props), props);
    }
}
