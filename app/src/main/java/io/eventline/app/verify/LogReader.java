package io.eventline.app.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the topics into a {@link LogCheck}: from each partition's first offset to the end offsets a
 * {@code read_committed} consumer sees at the start (the last stable offset: below it every
 * transaction is decided), first {@code read_uncommitted}, then {@code read_committed}. Bounded, so
 * that it ends on a log that keeps growing; no consumer group, so that it commits nothing.
 * Uncommitted first: compaction or retention between the two reads can then only take records from
 * the committed view, never add to it.
 */
public final class LogReader {
    private static final Duration POLL = Duration.ofMillis(200);

    private LogReader() {
    }

    /**
     * @param clientSettings bootstrap servers and any security settings
     * @throws IllegalStateException if a topic does not exist, or the end is not reached in {@code patience}
     */
    public static void read(Map<String, Object> clientSettings, LogTopics topics, LogCheck check, Duration patience) {
        try (KafkaConsumer<String, byte[]> committed = consumer(clientSettings, IsolationLevel.READ_COMMITTED);
             KafkaConsumer<String, byte[]> uncommitted = consumer(clientSettings, IsolationLevel.READ_UNCOMMITTED)) {
            List<TopicPartition> partitions = partitions(committed, topics, patience);
            Map<TopicPartition, Long> end = committed.endOffsets(partitions, patience);
            Map<TopicPartition, Long> start = committed.beginningOffsets(partitions, patience);
            start.forEach((partition, offset) -> {
                if (offset > 0 && topics.isCommands(partition.topic())) {
                    check.commandsTruncated();
                }
            });
            long deadline = System.nanoTime() + patience.toNanos();
            readAll(uncommitted, start, end, check::uncommitted, deadline);
            readAll(committed, start, end, check::committed, deadline);
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, LogTopics topics, Duration patience) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics.all()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, patience);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist: is this an Eventline cluster?");
            }
            infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        return partitions;
    }

    private static void readAll(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> start,
                                Map<TopicPartition, Long> end, Consumer<LoggedRecord> sink, long deadline) {
        Map<TopicPartition, Long> left = new HashMap<>();
        start.forEach((partition, offset) -> {
            if (offset < end.get(partition)) {
                left.put(partition, end.get(partition));
            }
        });
        consumer.assign(left.keySet());
        left.keySet().forEach(partition -> consumer.seek(partition, start.get(partition)));
        while (!left.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the end of " + left.keySet() + " was not reached in time");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                Long until = left.get(partition);
                if (until != null && record.offset() < until) {
                    sink.accept(new LoggedRecord(new Position(record.topic(), record.partition(), record.offset()),
                            record.key(), record.value()));
                }
            }
            // Positions, not records: transaction markers take offsets and are never returned.
            List<TopicPartition> done = left.keySet().stream()
                    .filter(partition -> consumer.position(partition) >= left.get(partition)).toList();
            done.forEach(left::remove);
            consumer.pause(done);
        }
        consumer.unsubscribe();
    }

    private static KafkaConsumer<String, byte[]> consumer(Map<String, Object> clientSettings, IsolationLevel isolation) {
        Properties props = new Properties();
        props.putAll(clientSettings);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "eventline-verify-" + isolation.toString().toLowerCase());
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
