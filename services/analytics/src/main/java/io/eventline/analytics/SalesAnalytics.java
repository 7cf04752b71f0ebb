package io.eventline.analytics;

import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.orders.OrderEvent;
import io.eventline.contracts.orders.OrderShipped;
import io.eventline.core.dlq.DeadLetterSink;
import io.eventline.core.dlq.SelectedEvents;
import io.eventline.core.kafka.JsonSerde;
import io.eventline.core.kafka.Sources;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Real-time sales per sku and minute: a consumer that plugs into {@code orders.events} without the
 * order service knowing. A sale is a shipped order; each {@code order.shipped} counts once per sku
 * it contains (units, revenue per currency, orders), in tumbling one-minute windows of event time.
 *
 * <p>It runs as its own application, {@code eventline-analytics}. Kafka Streams' default
 * {@code auto.offset.reset} is {@code earliest} and Eventline does not change it, so a fresh
 * instance reads {@code orders.events} from offset 0 and bootstraps its figures from history.
 *
 * <p>Event time is the record timestamp, which the orders decider sets to the event's timestamp
 * (CreateTime). A late-started instance reads the partitions' histories side by side, so after the
 * repartition by sku one partition's sales can arrive after another's later ones: a long grace
 * ({@link #GRACE}) keeps such windows open so that it reaches the same figures as an instance that
 * ran from the start. Sales later than the grace (a backlog skewed across partitions by more than a
 * day) are dropped by Kafka Streams, which counts them in its {@code dropped-records} metric.
 *
 * <p>Bad records go to {@code analytics.dlq}: those it cannot read ({@link SelectedEvents}), with
 * Eventline's reason headers; those whose processing throws (a revenue that overflows) through Kafka
 * Streams' own dead-letter queue. Either way the next record is processed.
 */
public final class SalesAnalytics {
    /** The windowed store of figures, per sku and window start, for interactive queries. */
    public static final String STORE = "analytics-sales";
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final Duration GRACE = Duration.ofDays(1);
    /** How far back figures can be asked for; at least window plus grace, as Kafka Streams requires. */
    static final Duration RETENTION = Duration.ofDays(7);

    private static final String SHIPPED_ORDERS = "analytics-shipped-orders";

    private SalesAnalytics() {
    }

    // The sales among an order's events: order.shipped, and nothing else.
    private static Optional<Record<String, OrderShipped>> shipped(Record<String, byte[]> record, OrderEvent event) {
        return event instanceof OrderShipped shipped ? Optional.of(record.withValue(shipped)) : Optional.empty();
    }

    public static void addTo(Sources sources) {
        var orders = sources.stream(OrderContracts.TOPIC, "analytics-orders");
        DeadLetterSink.route(orders.process(SelectedEvents.of(SHIPPED_ORDERS, sources.part(), OrderContracts.EVENTS,
                        SalesAnalytics::shipped),
                Named.as(SHIPPED_ORDERS)), SHIPPED_ORDERS)
                .flatMap((orderId, shipped) -> SkuSale.perSku(shipped), Named.as("analytics-sales-per-sku"))
                .groupByKey(Grouped.with("analytics-sales-by-sku", Serdes.String(), JsonSerde.of(SkuSale.class)))
                .windowedBy(TimeWindows.ofSizeAndGrace(WINDOW, GRACE))
                .aggregate(() -> SalesFigures.NONE, (sku, sale, figures) -> figures.plus(sale),
                        Named.as("analytics-sales-aggregate"),
                        Materialized.<String, SalesFigures, WindowStore<Bytes, byte[]>>as(STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(JsonSerde.of(SalesFigures.class))
                                .withRetention(RETENTION));
    }
}
