package io.eventline.core.dlq;

import io.eventline.core.failure.TimedOut;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads whole topics, from the beginning to the end offsets of the moment, with a plain consumer that
 * joins no group and commits nothing. {@code read_committed}: a dead letter exists once the
 * transaction that wrote it, with its input's offset, committed; its end offset is then the last
 * stable one.
 */
final class TopicReader {
    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> clientSettings;
    private final Duration timeout;

    TopicReader(Map<String, Object> clientSettings, Duration timeout) {
        this.clientSettings = Map.copyOf(clientSettings);
        this.timeout = timeout;
    }

    /** The names of the topics that exist and end with {@code suffix}. */
    List<String> topicsEndingWith(String suffix) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            return consumer.listTopics(timeout).keySet().stream().filter(name -> name.endsWith(suffix)).sorted()
                    .toList();
        }
    }

    /** Every record of the topics, up to their end offsets when the read began. */
    List<ConsumerRecord<byte[], byte[]>> readAll(Collection<String> topics) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        forEach(topics, records::add);
        return records;
    }

    /** The one record at a dead letter's place; empty when the topic no longer holds it. */
    Optional<ConsumerRecord<byte[], byte[]>> readOne(DeadLetterEntry.Location location) {
        TopicPartition partition = new TopicPartition(location.queue(), location.partition());
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, location.offset());
            long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (consumer.position(partition, timeout) <= location.offset() && location.offset() < end) {
                if (System.nanoTime() > deadline) {
                    throw new TimedOut("reading " + location.id() + " took longer than " + timeout
                            + "; retry");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() == location.offset()) {
                        return Optional.of(record);
                    }
                }
            }
            return Optional.empty();
        }
    }

    /** Hands each record of the topics, up to their end offsets when the read began, to {@code each}. */
    void forEach(Collection<String> topics, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic, timeout).stream()
                            .map(info -> new TopicPartition(topic, info.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!atEnd(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new TimedOut("reading " + topics + " took longer than " + timeout + "; retry");
                }
                consumer.poll(POLL).forEach(record -> {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        each.accept(record);
                    }
                });
            }
        }
    }

    private static boolean atEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties props = new Properties();
        props.putAll(clientSettings);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "eventline-dlq-reader");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
