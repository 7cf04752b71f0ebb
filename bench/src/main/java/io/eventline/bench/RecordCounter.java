package io.eventline.bench;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Counts the records written between two snapshots of end offsets, per kind of topic, by reading
 * them back {@code read_committed}, per kind and per topic: transaction markers (which take an offset each) and aborted
 * writes are not records anyone reads, so they are left out; the offsets moved are reported beside.
 */
final class RecordCounter {
    private RecordCounter() {
    }

    static RecordsPerOrder count(Cluster cluster, Map<TopicPartition, Long> before, Map<TopicPartition, Long> after,
                                 long orders) {
        return count(cluster, before, after, orders, record -> { });
    }

    /** @param each sees every record counted */
    static RecordsPerOrder count(Cluster cluster, Map<TopicPartition, Long> before, Map<TopicPartition, Long> after,
                                 long orders, Consumer<ConsumerRecord<String, byte[]>> each) {
        List<TopicPartition> moved = after.entrySet().stream()
                .filter(e -> e.getValue() > before.getOrDefault(e.getKey(), 0L)).map(Map.Entry::getKey).toList();
        long offsets = moved.stream().mapToLong(p -> after.get(p) - before.getOrDefault(p, 0L)).sum();
        Map<TopicKind, Long> records = new EnumMap<>(TopicKind.class);
        Map<String, Long> topics = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = Clients.consumer(cluster, null)) {
            consumer.assign(moved);
            moved.forEach(partition -> consumer.seek(partition, before.getOrDefault(partition, 0L)));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!readTo(consumer, moved, after) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.offset() < after.get(new TopicPartition(record.topic(), record.partition()))) {
                        records.merge(TopicKind.of(record.topic()), 1L, Long::sum);
                        topics.merge(record.topic(), 1L, Long::sum);
                        each.accept(record);
                    }
                }
            }
        }
        return new RecordsPerOrder(orders, records, topics, offsets);
    }

    private static boolean readTo(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions,
                                  Map<TopicPartition, Long> after) {
        return partitions.stream().allMatch(partition -> consumer.position(partition) >= after.get(partition));
    }
}
