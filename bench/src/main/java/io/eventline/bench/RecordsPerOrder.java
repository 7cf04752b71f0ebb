package io.eventline.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the platform wrote for {@code orders} orders: committed records per kind of topic (read back
 * with {@code read_committed}, so transaction markers and aborted records are not counted), and how
 * far the topics' end offsets moved, markers included.
 */
record RecordsPerOrder(long orders, Map<TopicKind, Long> records, long offsets) {
    RecordsPerOrder {
        records = Map.copyOf(records);
    }

    long total() {
        return records.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Committed records per order; NaN when no order was counted. */
    double perOrder() {
        return orders > 0 ? (double) total() / orders : Double.NaN;
    }

    double perOrder(TopicKind kind) {
        return orders > 0 ? (double) records.getOrDefault(kind, 0L) / orders : Double.NaN;
    }

    double offsetsPerOrder() {
        return orders > 0 ? (double) offsets / orders : Double.NaN;
    }

    Map<TopicKind, Long> sorted() {
        return new TreeMap<>(records);
    }
}
