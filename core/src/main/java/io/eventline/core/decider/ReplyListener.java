package io.eventline.core.decider;

import io.eventline.core.envelope.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of a reply topic from its end, without a consumer group, and completes the
 * caller waiting on each command id. Every instance reads all replies: the sender need not be the
 * instance whose task decided. Replies are read {@code read_committed}, so a caller hears "accepted"
 * only once the events are committed. One thread; {@link #close()} stops it.
 */
final class ReplyListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyListener.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, CompletableFuture<Reply>> waiting = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    ReplyListener(String topic, Map<String, Object> clientSettings) {
        Properties props = new Properties();
        props.putAll(clientSettings);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // Resolve the end offsets now: a reply that lands before the first poll must not be skipped.
        partitions.forEach(consumer::position);
        this.thread = Thread.ofPlatform().name("eventline-replies-" + topic).daemon().start(this::run);
    }

    CompletableFuture<Reply> expect(String commandId) {
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        waiting.put(commandId, reply);
        reply.whenComplete((value, error) -> waiting.remove(commandId));
        return reply;
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    complete(record);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void complete(ConsumerRecord<String, byte[]> record) {
        try {
            Reply reply = Json.mapper().readValue(record.value(), Reply.class);
            CompletableFuture<Reply> caller = waiting.get(reply.commandId());
            if (caller != null) {
                caller.complete(reply);
            }
        } catch (IOException e) {
            LOG.warn("unreadable reply at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
