package io.eventline.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Raw Kafka's ceiling for writes: one idempotent producer ({@code acks=all}) sending as fast as it
 * can for a while. What it writes is the input of the phases after it.
 */
final class RawProducer {
    private RawProducer() {
    }

    /** Writes {@code value} under keys {@code <run>-<n>} for {@code length}; counts what was acknowledged. */
    static Throughput run(Cluster cluster, String topic, byte[] value, Duration length, Progress progress) {
        Clients.warmUp(cluster, topic, value);
        AtomicLong acked = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = Clients.producer(cluster, Map.of())) {
            producer.partitionsFor(topic); // the topic's metadata before the clock starts
            long started = System.nanoTime();
            long deadline = started + length.toNanos();
            long sent = 0;
            while (System.nanoTime() < deadline && failure.get() == null) {
                producer.send(new ProducerRecord<>(topic, Orders.id("raw", sent++), value), (metadata, error) -> {
                    if (error == null) {
                        acked.incrementAndGet();
                    } else {
                        failure.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
            if (failure.get() != null) {
                throw new IllegalStateException("the raw producer failed: " + failure.get().getMessage(),
                        failure.get());
            }
            Throughput result = Throughput.since(acked.get(), started);
            progress.note(String.format("%,d records in %.1f s", result.count(), result.seconds()));
            return result;
        }
    }
}
