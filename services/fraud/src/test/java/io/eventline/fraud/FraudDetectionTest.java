package io.eventline.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.contracts.Money;
import io.eventline.contracts.orders.CancelReason;
import io.eventline.contracts.orders.OrderCancelled;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.orders.OrderEvent;
import io.eventline.contracts.orders.OrderLine;
import io.eventline.contracts.orders.OrderPlaced;
import io.eventline.core.kafka.Sources;
import io.eventline.core.testing.TestEvents;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

class FraudDetectionTest {
    static final Instant T0 = Instant.parse("2026-11-22T10:00:00.000Z");

    @Test
    void shouldRaiseOneAlertWhenACustomerPlacesTooManyOrdersInAWindow() {
        List<FraudAlert> alerts = alerts(burst("alice", 8, 5, "10.00", 0));

        assertThat(alerts).containsExactly(new FraudAlert("alice", "2026-11-22T09:59:25.000Z",
                "2026-11-22T10:00:25.000Z", 6, amounts("EUR", "60.00"), FraudAlert.Rule.TOO_MANY_ORDERS));
    }

    @Test
    void shouldRaiseOneAlertWhenACustomerSpendsTooMuchInAWindow() {
        List<FraudAlert> alerts = alerts(burst("bob", 4, 15, "900.00", 0));

        assertThat(alerts).containsExactly(new FraudAlert("bob", "2026-11-22T09:59:30.000Z",
                "2026-11-22T10:00:30.000Z", 3, amounts("EUR", "2700.00"), FraudAlert.Rule.AMOUNT_TOO_HIGH));
    }

    @Test
    void shouldRaiseNoAlertWhenACustomerStaysAtTheLimits() {
        // Five orders of 2,000.00 in all within the minute: at the limits, not over them.
        assertThat(alerts(burst("alice", 5, 10, "400.00", 0))).isEmpty();
    }

    @Test
    void shouldRaiseNoAlertWhenOrdersAreSpreadBeyondTheWindow() {
        // Any minute holds at most five of alice's orders (both ends included), and one of bob's.
        List<Placed> history = concat(burst("alice", 10, 15, "10.00", 0), burst("bob", 3, 61, "1500.00", 0));

        assertThat(alerts(history)).isEmpty();
    }

    @Test
    void shouldCountOnlyPlacedOrdersWhenOtherEventsAndUnreadableRecordsArrive() {
        try (Fraud fraud = new Fraud()) {
            for (int i = 0; i < 6; i++) {
                String orderId = "alice-" + i;
                Instant at = T0.plusSeconds(i);
                fraud.pipe(new OrderCancelled(orderId, "alice", List.of(line("9.00")), CancelReason.TIMED_OUT), at);
                fraud.pipeRaw(orderId, "{not an envelope".getBytes(StandardCharsets.UTF_8), at);
            }
            burst("alice", 5, 1, "10.00", 10).forEach(order -> fraud.pipe(order.event(), order.at()));

            assertThat(fraud.alerts(null)).isEmpty();
        }
    }

    @Test
    void shouldRaiseOneAlertPerPeriodWhenABurstGoesOn() {
        // 20 orders 5 s apart from 10:00:00 to 10:01:35: over the limit from 10:00:25 on.
        List<FraudAlert> alerts = alerts(burst("alice", 20, 5, "10.00", 0));

        assertThat(alerts).extracting(FraudAlert::windowEnd)
                .containsExactly("2026-11-22T10:01:00.000Z", "2026-11-22T10:00:25.000Z");
    }

    @Test
    void shouldReachTheSameAlertsWhenALateStarterReadsTheHistoryInAnotherOrder() {
        List<Placed> alice = burst("alice", 8, 5, "10.00", 0);
        List<Placed> bob = burst("bob", 4, 15, "900.00", 3);
        List<Placed> interleaved = Stream.concat(alice.stream(), bob.stream())
                .sorted((a, b) -> a.at().compareTo(b.at())).toList();

        List<FraudAlert> fromTheStart = alerts(interleaved);

        assertThat(fromTheStart).extracting(FraudAlert::rule)
                .containsExactly(FraudAlert.Rule.AMOUNT_TOO_HIGH, FraudAlert.Rule.TOO_MANY_ORDERS);
        assertThat(alerts(concat(alice, bob))).isEqualTo(fromTheStart);
        assertThat(alerts(concat(bob, alice))).isEqualTo(fromTheStart);
        // One customer's orders sit on several partitions of orders.events (keyed by order id), so a
        // late starter may even read them backwards: still within the grace, still the same alerts.
        assertThat(alerts(concat(reversed(bob), reversed(alice)))).isEqualTo(fromTheStart);
    }

    @Test
    void shouldAnswerOneCustomersAlertsWhenACustomerIsAskedFor() {
        try (Fraud fraud = new Fraud()) {
            concat(burst("alice", 8, 5, "10.00", 0), burst("bob", 4, 15, "900.00", 3))
                    .forEach(order -> fraud.pipe(order.event(), order.at()));

            assertThat(fraud.alerts("bob")).extracting(FraudAlert::customerId).containsExactly("bob");
            assertThat(fraud.alerts("carol")).isEmpty();
        }
    }

    @Test
    void shouldLogEachOrderOnceHoweverManyWindowsItFallsIn() {
        try (Fraud fraud = new Fraud()) {
            // 40 orders a second apart: each falls in up to 40 windows of the minute.
            burst("alice", 40, 1, "1.00", 0).forEach(order -> fraud.pipe(order.event(), order.at()));

            assertThat(fraud.changelogRecords(FraudDetection.ORDERS_STORE)).isEqualTo(40);
            assertThat(fraud.changelogRecords(FraudDetection.ALERTS_STORE)).as("one alert, one write").isEqualTo(1);
        }
    }

    @Test
    void shouldRaiseTheAlertsOfEveryWindowAddedUpAnewWhateverTheOrderOfArrival() {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            List<Placed> history = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                String customerId = "c-" + random.nextInt(3);
                String currency = random.nextInt(4) == 0 ? "USD" : "EUR";
                String total = (1 + random.nextInt(600)) + ".00";
                // Five minutes of orders, a fifth of them on a whole second: orders sharing a millisecond.
                long at = random.nextInt(300) * 1_000L + (random.nextInt(5) == 0 ? 0 : random.nextInt(1_000));
                history.add(new Placed(new OrderPlaced(customerId + "-" + i, customerId, List.of(line(total)),
                        currency, money(total)), T0.plusMillis(at)));
            }
            history.sort(Comparator.comparing(Placed::at));
            for (int swap = 0; swap < 15; swap++) { // some arrive late, as from a partition read behind
                int i = random.nextInt(history.size() - 6);
                Collections.swap(history, i, i + 1 + random.nextInt(5));
            }
            for (int far = 0; far < 3; far++) { // and a few more than a window late
                history.add(60 + random.nextInt(60), history.remove(random.nextInt(40)));
            }

            assertThat(alerts(history)).as("seed %d", seed).isEqualTo(addedUpAnew(history));
        }
    }

    @Test
    void shouldAddUpTheWindowOfAnOrderMoreThanAWindowLateWithoutChangingTheLatest() {
        List<Placed> history = new ArrayList<>(burst("bob", 2, 3, "900.00", 5)); // at 5 and 8 s
        history.addAll(burst("bob", 3, 1, "900.00", 100)); // at 100, 101 and 102 s: over the amount
        history.add(burst("bob", 1, 1, "900.00", 10).getFirst()); // at 10 s, arriving last

        assertThat(alerts(history)).isEqualTo(addedUpAnew(history)).extracting(FraudAlert::windowEnd)
                .containsExactly("2026-11-22T10:01:42.000Z", "2026-11-22T10:00:10.000Z");
    }

    /** The alerts of every order's window, each added up from the whole history: what any arrival order must reach. */
    static List<FraudAlert> addedUpAnew(List<Placed> history) {
        FraudRules rules = FraudRules.DEFAULTS;
        Map<String, FraudAlerts> held = new TreeMap<>();
        for (Placed last : history) {
            String customerId = last.event().customerId();
            FraudFigures figures = FraudFigures.NONE;
            for (Placed order : history) {
                if (order.event().customerId().equals(customerId) && !order.at().isAfter(last.at())
                        && !order.at().isBefore(last.at().minus(rules.window()))) {
                    figures = figures.plus(new PlacedOrder(order.event().currency(), order.event().total(),
                            order.at().toEpochMilli()));
                }
            }
            figures = new FraudFigures(figures.orders(), figures.amount(), last.at().toEpochMilli());
            for (FraudAlert.Rule rule : rules.brokenBy(figures)) {
                held.put(customerId, held.getOrDefault(customerId, FraudAlerts.NONE)
                        .with(FraudAlert.of(customerId, last.at(), rules.window(), figures, rule), rules.window()));
            }
        }
        return held.values().stream().flatMap(alerts -> alerts.alerts().stream())
                .sorted(Comparator.comparing(FraudAlert::windowEnd).reversed()
                        .thenComparing(FraudAlert::customerId).thenComparing(FraudAlert::rule))
                .toList();
    }

    /** One placed order and when. */
    record Placed(OrderPlaced event, Instant at) {
    }

    /** {@code count} orders of {@code total} each, {@code everySeconds} apart from T0 + {@code fromSecond}. */
    static List<Placed> burst(String customerId, int count, int everySeconds, String total, int fromSecond) {
        List<Placed> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String orderId = customerId + "-" + i;
            orders.add(new Placed(new OrderPlaced(orderId, customerId, List.of(line(total)), "EUR", money(total)),
                    T0.plusSeconds(fromSecond + (long) i * everySeconds)));
        }
        return orders;
    }

    static List<FraudAlert> alerts(List<Placed> history) {
        try (Fraud fraud = new Fraud()) {
            history.forEach(order -> fraud.pipe(order.event(), order.at()));
            return fraud.alerts(null);
        }
    }

    static List<Placed> concat(List<Placed> first, List<Placed> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    static List<Placed> reversed(List<Placed> orders) {
        return new ArrayList<>(orders).reversed();
    }

    static OrderLine line(String price) {
        return new OrderLine("tea", 1, money(price));
    }

    static Money money(String amount) {
        return Money.of(new BigDecimal(amount));
    }

    static TreeMap<String, Money> amounts(String currency, String amount) {
        return new TreeMap<>(Map.of(currency, money(amount)));
    }

    /** The fraud topology on a TopologyTestDriver: orders.events in, the alerts store out. */
    static final class Fraud implements AutoCloseable {
        private final TopologyTestDriver driver;
        private final TestInputTopic<String, byte[]> orders;

        Fraud() {
            StreamsBuilder builder = new StreamsBuilder();
            FraudDetection.addTo(new Sources(builder), FraudRules.DEFAULTS);
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test-fraud");
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

        List<FraudAlert> alerts(String customerId) {
            return AlertQuery.run(driver.getKeyValueStore(FraudDetection.ALERTS_STORE), customerId);
        }

        long changelogRecords(String store) {
            return driver.createOutputTopic("test-fraud-" + store + "-changelog", new StringDeserializer(),
                    new ByteArrayDeserializer()).getQueueSize();
        }

        @Override
        public void close() {
            driver.close();
        }
    }
}
