package io.eventline.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * One stage of the minimal saga: a consume-transform-produce loop on one thread, as one Kafka Streams
 * thread runs one service. It polls ({@code read_committed}), hands each record to its {@link Step},
 * sends what the step yields, and once {@code commitMs} has passed since the last commit sends the
 * consumed offsets and commits, in one transaction: exactly-once, as Streams' EOS v2 with
 * {@code commit.interval.ms} does. A record reaching an idle stage is committed at once (the interval
 * has long passed), one arriving within the interval waits for it: the same rule as Streams'.
 */
final class MinimalStage implements AutoCloseable {
    /** What a stage does with one record: the records it writes on, in the same transaction. */
    interface Step {
        void apply(ConsumerRecord<String, byte[]> record, Consumer<ProducerRecord<String, byte[]>> out);
    }

    /** The longest poll while nothing is to be committed: how soon {@link #close} is heard. */
    private static final Duration IDLE_POLL = Duration.ofMillis(100);

    private final String name;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final long commitNanos;
    private final Step step;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** Starts the stage's thread; its partitions are assigned (no rebalance to wait for), from offset 0. */
    MinimalStage(Cluster cluster, String name, String input, int commitMs, Step step) {
        this.name = name;
        this.consumer = Clients.consumer(cluster, name);
        this.producer = Clients.producer(cluster, Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, name));
        this.commitNanos = Duration.ofMillis(commitMs).toNanos();
        this.step = step;
        Clients.assignAll(consumer, List.of(input));
        producer.initTransactions();
        this.thread = Thread.ofPlatform().name(name).daemon().start(this::loop);
    }

    /** Why the stage stopped on its own, if it did: a saga whose stage died ships nothing more. */
    RuntimeException failure() {
        return failure.get();
    }

    private void loop() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        ConsumerGroupMetadata group = consumer.groupMetadata();
        Consumer<ProducerRecord<String, byte[]>> send = producer::send;
        long lastCommit = System.nanoTime() - commitNanos;
        try {
            while (running) {
                long due = lastCommit + commitNanos - System.nanoTime();
                Duration wait = offsets.isEmpty() ? IDLE_POLL : Duration.ofNanos(Math.max(0, Math.min(due,
                        IDLE_POLL.toNanos())));
                ConsumerRecords<String, byte[]> records = consumer.poll(wait);
                if (!records.isEmpty() && offsets.isEmpty()) {
                    producer.beginTransaction();
                }
                for (ConsumerRecord<String, byte[]> record : records) {
                    step.apply(record, send);
                    offsets.put(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                }
                if (!offsets.isEmpty() && System.nanoTime() - lastCommit >= commitNanos) {
                    commit(offsets, group);
                    lastCommit = System.nanoTime();
                }
            }
            if (!offsets.isEmpty()) {
                commit(offsets, group);
            }
        } catch (RuntimeException e) {
            failure.set(new IllegalStateException("minimal saga stage " + name + ": " + e.getMessage(), e));
        } finally {
            producer.close(Duration.ofSeconds(5));
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata group) {
        producer.sendOffsetsToTransaction(Map.copyOf(offsets), group);
        producer.commitTransaction();
        offsets.clear();
    }

    @Override
    public void close() {
        running = false;
        RawLatency.join(thread);
    }
}
