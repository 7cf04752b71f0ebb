package io.eventline.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.eventline.contracts.Money;
import io.eventline.contracts.orders.CancelReason;
import io.eventline.contracts.orders.Lines;
import io.eventline.contracts.orders.OrderCancelled;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.orders.OrderEvent;
import io.eventline.contracts.orders.OrderLine;
import io.eventline.contracts.orders.OrderPlaced;
import io.eventline.contracts.orders.OrderShipped;
import io.eventline.core.kafka.Sources;
import io.eventline.core.testing.TestEvents;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

class SalesAnalyticsTest {
    static final Instant T0 = Instant.parse("2026-11-22T10:00:00.000Z");
    static final Instant FROM = T0;
    static final Instant TO = T0.plusSeconds(180);

    @Test
    void shouldAddUpUnitsRevenueAndOrdersPerSkuAndMinuteWhenOrdersShip() {
        try (Sales sales = new Sales()) {
            sales.pipe(shipped("o-1", "EUR", line("tea", 2, "10.25"), line("cake", 1, "22.00"), line("tea", 1, "10.25")),
                    T0.plusSeconds(10));
            sales.pipe(shipped("o-2", "USD", line("tea", 1, "9.99")), T0.plusSeconds(40));
            sales.pipe(shipped("o-3", "EUR", line("tea", 3, "10.25")), T0.plusSeconds(65));

            assertThat(sales.rows(null)).containsExactly(
                    new SalesRow("cake", "2026-11-22T10:00:00.000Z", "2026-11-22T10:01:00.000Z", 1, 1,
                            Map.of("EUR", money("22.00"))),
                    new SalesRow("tea", "2026-11-22T10:00:00.000Z", "2026-11-22T10:01:00.000Z", 4, 2,
                            Map.of("EUR", money("30.75"), "USD", money("9.99"))),
                    new SalesRow("tea", "2026-11-22T10:01:00.000Z", "2026-11-22T10:02:00.000Z", 3, 1,
                            Map.of("EUR", money("30.75"))));
            assertThat(sales.rows("cake")).extracting(SalesRow::units).containsExactly(1L);
        }
    }

    @Test
    void shouldCountNothingWhenOrdersAreNotShipped() {
        List<OrderLine> items = List.of(line("tea", 2, "10.25"));
        try (Sales sales = new Sales()) {
            sales.pipe(new OrderPlaced("o-1", "alice", items, "EUR", money("20.50")), T0);
            sales.pipe(new OrderCancelled("o-1", "alice", items, CancelReason.OUT_OF_STOCK), T0.plusSeconds(1));
            sales.pipeRaw("o-2", "{not an envelope".getBytes(StandardCharsets.UTF_8), T0.plusSeconds(2));
            sales.pipe(shipped("o-3", "EUR", line("tea", 1, "10.25")), T0.plusSeconds(3));

            assertThat(sales.rows(null)).extracting(SalesRow::sku, SalesRow::units)
                    .containsExactly(tuple("tea", 1L));
        }
    }

    @Test
    void shouldReachTheSameFiguresWhenALateStarterReadsPartitionsOneAfterTheOther() {
        // Two partitions' histories: a fresh instance may see all of one before any of the other.
        List<Sale> partitionA = List.of(
                new Sale(shipped("a-1", "EUR", line("tea", 1, "10.25")), T0.plusSeconds(5)),
                new Sale(shipped("a-2", "EUR", line("tea", 2, "10.25"), line("cake", 1, "22.00")), T0.plusSeconds(90)),
                new Sale(shipped("a-3", "USD", line("tea", 1, "9.99")), T0.plusSeconds(130)));
        List<Sale> partitionB = List.of(
                new Sale(shipped("b-1", "EUR", line("cake", 2, "22.00")), T0.plusSeconds(20)),
                new Sale(shipped("b-2", "EUR", line("tea", 4, "10.25")), T0.plusSeconds(70)),
                new Sale(shipped("b-3", "EUR", line("tea", 1, "10.25")), T0.plusSeconds(170)));
        List<Sale> interleaved = List.of(partitionA.get(0), partitionB.get(0), partitionB.get(1),
                partitionA.get(1), partitionA.get(2), partitionB.get(2));

        List<SalesRow> fromTheStart = figures(interleaved);

        assertThat(fromTheStart).hasSize(5);
        assertThat(figures(concat(partitionA, partitionB))).isEqualTo(fromTheStart);
        assertThat(figures(concat(partitionB, partitionA))).isEqualTo(fromTheStart);
    }

    @Test
    void shouldDropASaleWhenItArrivesLaterThanTheGrace() {
        try (Sales sales = new Sales()) {
            Instant muchLater = T0.plus(SalesAnalytics.GRACE).plusSeconds(120);
            sales.pipe(shipped("o-1", "EUR", line("tea", 1, "10.25")), muchLater);
            sales.pipe(shipped("o-2", "EUR", line("tea", 1, "10.25")), T0);

            assertThat(sales.rows(null)).isEmpty();
        }
    }

    record Sale(OrderShipped order, Instant at) {
    }

    static List<SalesRow> figures(List<Sale> history) {
        try (Sales sales = new Sales()) {
            history.forEach(sale -> sales.pipe(sale.order(), sale.at()));
            return sales.rows(null);
        }
    }

    static List<Sale> concat(List<Sale> first, List<Sale> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    static OrderShipped shipped(String orderId, String currency, OrderLine... lines) {
        List<OrderLine> items = List.of(lines);
        return new OrderShipped(orderId, "alice", items, currency, Lines.total(items));
    }

    static OrderLine line(String sku, int quantity, String price) {
        return new OrderLine(sku, quantity, money(price));
    }

    static Money money(String amount) {
        return Money.of(new BigDecimal(amount));
    }

    /** The analytics topology on a TopologyTestDriver: orders.events in, the windowed store out. */
    static final class Sales implements AutoCloseable {
        private final TopologyTestDriver driver;
        private final TestInputTopic<String, byte[]> orders;

        Sales() {
            StreamsBuilder builder = new StreamsBuilder();
            SalesAnalytics.addTo(new Sources(builder));
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test-analytics");
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
            props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
            driver = new TopologyTestDriver(builder.build(props), props);
            orders = driver.createInputTopic(OrderContracts.TOPIC, new StringSerializer(), new ByteArraySerializer());
        }

        void pipe(OrderEvent event, Instant at) {
            pipeRaw(event.orderId(), TestEvents.envelope(OrderContracts.EVENTS, event.orderId(), event, at), at);
        }

        void pipeRaw(String key, byte[] value, Instant at) {
            orders.pipeInput(key, value, at);
        }

        List<SalesRow> rows(String sku) {
            return SalesQuery.run(driver.getWindowStore(SalesAnalytics.STORE), sku, FROM, TO);
        }

        @Override
        public void close() {
            driver.close();
        }
    }
}
