package io.eventline.bench;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Raw Kafka's latency floor: records sent at a fixed rate, each carrying the time it was meant to
 * leave, timed when a consumer in the same process reads them.
 */
final class RawLatency {
    private RawLatency() {
    }

    static LatencySummary run(Cluster cluster, String topic, int recordBytes, double rate, Duration length,
                              Progress progress) {
        LatencyRecorder latencies = new LatencyRecorder(rate);
        AtomicLong sent = new AtomicLong(-1);
        try (KafkaConsumer<String, byte[]> consumer = Clients.consumer(cluster, null);
             KafkaProducer<String, byte[]> producer = Clients.producer(cluster, Map.of())) {
            var partitions = Clients.assignAll(consumer, List.of(topic));
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // from here on: nothing sent later is missed
            producer.partitionsFor(topic); // so that the first send does not wait for metadata
            Thread reader = Thread.ofPlatform().name("bench-raw-latency").start(() -> read(consumer, latencies, sent));
            sent.set(new OpenLoop(rate).run(length, (index, intended) -> producer.send(
                    new ProducerRecord<>(topic, Long.toString(index), stamped(intended, recordBytes)))));
            producer.flush();
            join(reader);
        }
        LatencySummary summary = latencies.summary();
        progress.note(String.format("%,d records at %.0f/s: p50 %.1f ms, p99 %.1f ms", summary.count(), rate,
                summary.p50(), summary.p99()));
        return summary;
    }

    private static void read(KafkaConsumer<String, byte[]> consumer, LatencyRecorder latencies, AtomicLong sent) {
        long deadline = Long.MAX_VALUE;
        while (sent.get() < 0 || latencies.recorded() < sent.get()) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                latencies.record(ByteBuffer.wrap(record.value()).getLong(), System.nanoTime());
            }
            if (sent.get() >= 0 && deadline == Long.MAX_VALUE) {
                deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            }
            if (System.nanoTime() > deadline) {
                latencies.failed(sent.get() - latencies.recorded());
                return;
            }
        }
    }

    /** A record of the given size whose first 8 bytes are the time it was meant to leave. */
    static byte[] stamped(long intendedNanos, int recordBytes) {
        return ByteBuffer.allocate(Math.max(Long.BYTES, recordBytes)).putLong(intendedNanos).array();
    }

    static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            throw Cluster.interrupted(e);
        }
    }
}
