package io.eventline.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Raw Kafka's ceiling for exactly-once: one thread reads, writes each record on, and every
 * {@code commitMs} commits the writes and the input offsets in one transaction, as Kafka Streams does,
 * without Streams.
 */
final class RawTransactionalLoop {
    static final String GROUP = "bench-transactional-loop";

    private RawTransactionalLoop() {
    }

    /** Copies {@code in} to {@code out} for at most {@code length}, or until {@code in} is read to its end. */
    static Throughput run(Cluster cluster, String in, String out, int commitMs, Duration length, Progress progress) {
        long end = cluster.endOffset(in);
        try (KafkaConsumer<String, byte[]> consumer = Clients.consumer(cluster, GROUP);
             KafkaProducer<String, byte[]> producer = Clients.producer(cluster,
                     Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, GROUP))) {
            List<TopicPartition> partitions = Clients.assignAll(consumer, List.of(in));
            consumer.seekToBeginning(partitions);
            producer.initTransactions();
            long started = System.nanoTime();
            long committed = loop(consumer, producer, out, end, started + length.toNanos(), commitMs);
            Throughput result = Throughput.since(committed, started);
            progress.note(String.format("%,d records in %.1f s", result.count(), result.seconds()));
            return result;
        }
    }

    private static long loop(KafkaConsumer<String, byte[]> consumer, KafkaProducer<String, byte[]> producer,
                             String out, long end, long deadline, int commitMs) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        ConsumerGroupMetadata group = consumer.groupMetadata();
        long committed = 0;
        long pending = 0;
        long lastCommit = System.nanoTime();
        producer.beginTransaction();
        while (System.nanoTime() < deadline && committed + pending < end) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                producer.send(new ProducerRecord<>(out, record.key(), record.value()));
                offsets.put(new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1));
                pending++;
            }
            if (System.nanoTime() - lastCommit >= Duration.ofMillis(commitMs).toNanos()) {
                committed += commit(producer, offsets, group, pending);
                pending = 0;
                lastCommit = System.nanoTime();
                producer.beginTransaction();
            }
        }
        return committed + commit(producer, offsets, group, pending);
    }

    private static long commit(KafkaProducer<String, byte[]> producer, Map<TopicPartition, OffsetAndMetadata> offsets,
                               ConsumerGroupMetadata group, long pending) {
        if (!offsets.isEmpty()) {
            producer.sendOffsetsToTransaction(Map.copyOf(offsets), group);
        }
        producer.commitTransaction();
        return pending;
    }
}
