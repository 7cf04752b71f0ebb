package io.eventline.bench;

import io.eventline.contracts.orders.OrderContracts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;

/**
 * Reads {@code orders.events} (or the minimal saga's topic of outcomes; {@code read_committed}, from
 * its end when created) and tells how each order ended: {@code order.shipped} or
 * {@code order.cancelled}, at the moment it was read. The event type comes from the record's header
 * (docs/api.md), so no envelope is parsed. One thread.
 */
final class OrderOutcomes implements AutoCloseable {
    /** One order's end. */
    interface Ended {
        void ended(String orderId, long endedNanos, boolean shipped);
    }

    /** The same, with the time the order was meant to be placed. */
    interface Listener {
        void ended(long intendedNanos, long endedNanos, boolean shipped);
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    OrderOutcomes(Cluster cluster, Ended ended) {
        this(cluster, OrderContracts.TOPIC, ended);
    }

    OrderOutcomes(Cluster cluster, String topic, Ended ended) {
        this.consumer = Clients.consumer(cluster, null);
        var partitions = Clients.assignAll(consumer, List.of(topic));
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        this.thread = Thread.ofPlatform().name("bench-order-outcomes").daemon().start(() -> read(ended));
    }

    private void read(Ended ended) {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    String type = type(record);
                    if ("order.shipped".equals(type) || "order.cancelled".equals(type)) {
                        ended.ended(record.key(), System.nanoTime(), "order.shipped".equals(type));
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader("eventType");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        RawLatency.join(thread);
    }
}
