package io.eventline.fraud;

import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.orders.OrderEvent;
import io.eventline.contracts.orders.OrderPlaced;
import io.eventline.core.dlq.DeadLetterSink;
import io.eventline.core.dlq.SelectedEvents;
import io.eventline.core.kafka.JsonSerde;
import io.eventline.core.kafka.Sources;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;

/**
 * Fraud detection: a consumer that plugs into {@code orders.events} without the order service
 * knowing. It flags a customer who places more orders, or more money in one currency, within a
 * window than {@link FraudRules} allow, and keeps the alerts per customer in {@link #ALERTS_STORE}.
 *
 * <p>It runs as its own application, {@code eventline-fraud}. Kafka Streams' default
 * {@code auto.offset.reset} is {@code earliest} and Eventline does not change it, so a fresh
 * instance reads {@code orders.events} from offset 0 and raises the alerts of the whole history.
 *
 * <p>Windows slide ({@link WindowedAlerts}): "more than 5 orders within a minute" means any six
 * orders at most a minute apart, which fixed (tumbling or hopping) windows miss when a burst
 * straddles their boundaries. Event time is the record timestamp, which the orders decider sets to
 * the event's timestamp. A late-started instance reads the partitions' histories side by side, so
 * after the repartition by customer one partition's orders can arrive after another's later ones: a
 * long {@link #GRACE} keeps such windows open so that it reaches the same alerts as an instance that
 * ran from the start. Alerts do not wait for windows to close: they are raised at once and
 * deduplicated in the store. Orders later than the grace are dropped.
 *
 * <p>Bad records go to {@code fraud.dlq}: those it cannot read ({@link SelectedEvents}), with
 * Eventline's reason headers; those whose processing throws (amounts whose sum overflows) through
 * Kafka Streams' own dead-letter queue. Either way the next record is processed.
 */
public final class FraudDetection {
    /** The key-value store of alerts: customer id to that customer's alerts, newest first. */
    public static final String ALERTS_STORE = "fraud-alerts";
    /**
     * The placed orders per customer by event time, kept for the grace; internal, queried by no one.
     * (It replaced {@code fraud-windows}, the windowed aggregate's store, whose changelog is left as it
     * was: a new store starts from the orders read after the upgrade.)
     */
    static final String ORDERS_STORE = "fraud-orders-by-time";
    static final Duration GRACE = Duration.ofDays(1);

    private static final String PLACED_ORDERS = "fraud-placed-orders";

    private FraudDetection() {
    }

    // The placed orders among an order's events, re-keyed by customer id, with the record's timestamp:
    // the event time the windows use.
    private static Optional<Record<String, PlacedOrder>> placed(Record<String, byte[]> record, OrderEvent event) {
        return event instanceof OrderPlaced placed
                ? Optional.of(record.withKey(placed.customerId())
                        .withValue(new PlacedOrder(placed.currency(), placed.total(), record.timestamp())))
                : Optional.empty();
    }

    public static void addTo(Sources sources, FraudRules rules) {
        StreamsBuilder builder = sources.builder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ALERTS_STORE),
                Serdes.String(), JsonSerde.of(FraudAlerts.class)));
        var orders = sources.stream(OrderContracts.TOPIC, "fraud-orders");
        builder.addStateStore(Stores.windowStoreBuilder(
                // Duplicates kept: two orders of a customer can share a millisecond.
                Stores.persistentWindowStore(ORDERS_STORE, WindowedAlerts.retention(rules), rules.window(), true),
                Serdes.String(), PlacedOrderSerde.serde()));
        DeadLetterSink.route(orders.process(SelectedEvents.of(PLACED_ORDERS, sources.part(), OrderContracts.EVENTS,
                        FraudDetection::placed),
                Named.as(PLACED_ORDERS)), PLACED_ORDERS)
                .repartition(Repartitioned.with(Serdes.String(), PlacedOrderSerde.serde())
                        .withName("fraud-orders-by-customer"))
                .process(() -> new WindowedAlerts(rules), Named.as("fraud-raise-alerts"), ORDERS_STORE, ALERTS_STORE);
    }
}
