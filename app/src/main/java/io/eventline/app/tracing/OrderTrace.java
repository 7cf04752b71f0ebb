package io.eventline.app.tracing;

import io.eventline.contracts.orders.OrderContracts;
import io.eventline.core.tracing.TraceParent;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * An order's way through the services, read off the topics: its {@code order.placed} event names its
 * trace; every command, event and reply of that trace written between a second before it and
 * {@link #AFTER_LAST_EVENT_MS} after the order's last event is one of its hops. What a console or a
 * user reads without a tracing backend; with one, the same spans are there.
 *
 * <p>Bounded: the order is looked for among the newest {@link #MAX_RECORDS} records of its
 * partition of {@code orders.events}, and the whole search reads at most that many records.
 */
public final class OrderTrace {
    static final int MAX_RECORDS = 200_000;
    static final long AFTER_LAST_EVENT_MS = 30_000;
    private static final long BEFORE_PLACED_MS = 1_000;
    private static final int CHUNK = 5_000;

    /** What was found: the records of the trace, oldest write first, and what the search read. */
    public record Found(String orderId, String traceId, List<TracedRecord> records, int scanned, boolean truncated) {
    }

    /** Why there is no trace to show, said to the user. */
    public static final class NotTraced extends RuntimeException {
        NotTraced(String message) {
            super(message);
        }
    }

    private OrderTrace() {
    }

    /**
     * @param topics the topics a hop of an order may write (commands, events, replies)
     * @throws NotTraced when the order is not found, or was placed before its records carried traces
     */
    public static Found of(String orderId, Map<String, Object> clientSettings, List<String> topics) {
        try (TopicScan scan = new TopicScan(clientSettings, MAX_RECORDS)) {
            TopicPartition partition = scan.partitionOf(OrderContracts.TOPIC, orderId);
            List<ConsumerRecord<String, byte[]>> events = scan.newestOfKey(partition, orderId, CHUNK,
                    found -> found.stream().anyMatch(OrderTrace::placed));
            ConsumerRecord<String, byte[]> placed = events.stream().filter(OrderTrace::placed).findFirst()
                    .orElseThrow(() -> new NotTraced("order " + orderId + " has no order.placed among the newest "
                            + scan.scanned() + " events of " + partition + (scan.exhausted()
                            ? " (older orders are not searched)" : "")));
            String traceId = TraceParent.parse(TopicScan.text(placed, TraceParent.HEADER)).map(TraceParent::traceId)
                    .orElseThrow(() -> new NotTraced("order " + orderId + " was placed by a build that did not trace "
                            + "its records (no traceparent header on its order.placed event)"));
            long last = events.stream().mapToLong(ConsumerRecord::timestamp).max().orElse(placed.timestamp());
            List<TracedRecord> records = scan.ofTrace(topics, traceId, placed.timestamp() - BEFORE_PLACED_MS,
                    last + AFTER_LAST_EVENT_MS);
            List<TracedRecord> ordered = records.stream()
                    .sorted(Comparator.comparingLong(OrderTrace::sent).thenComparing(TracedRecord::topic)
                            .thenComparingLong(TracedRecord::offset))
                    .toList();
            return new Found(orderId, traceId, ordered, scan.scanned(), scan.exhausted());
        }
    }

    private static boolean placed(ConsumerRecord<String, byte[]> record) {
        return "order.placed".equals(TopicScan.text(record, "eventType"));
    }

    private static long sent(TracedRecord record) {
        return record.hop().map(hop -> hop.sentMicros()).orElse(record.timestampMs() * 1_000);
    }

}
