package io.eventline.bench;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the platform wrote for {@code orders} orders: committed records per kind of topic (read back
 * with {@code read_committed}, so transaction markers and aborted records are not counted), the same per
 * topic (to see which store or topic to cut), and how far the topics' end offsets moved, markers included.
 */
record RecordsPerOrder(long orders, Map<TopicKind, Long> records, Map<String, Long> topics, long offsets) {
    RecordsPerOrder {
        records = Map.copyOf(records);
        topics = Map.copyOf(topics);
    }

    /** Counted per kind only. */
    RecordsPerOrder(long orders, Map<TopicKind, Long> records, long offsets) {
        this(orders, records, Map.of(), offsets);
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

    /** Records per order of each topic that wrote at least {@code least} per order, the most first. */
    Map<String, Double> topicsPerOrder(double least) {
        Map<String, Double> perOrder = new LinkedHashMap<>();
        if (orders > 0) {
            topics.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .filter(topic -> (double) topic.getValue() / orders >= least)
                    .forEach(topic -> perOrder.put(topic.getKey(), (double) topic.getValue() / orders));
        }
        return perOrder;
    }
}
