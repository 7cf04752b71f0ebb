package io.eventline.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Runs a Kafka Streams application over a topic already filled, and measures how fast its group
 * commits its way through it: from the moment it is RUNNING until {@code length} is up or it has read
 * the topic to its end. Committed offsets move once per commit, so the figure is exact to one commit
 * interval's worth of records.
 */
final class StreamsRate {
    private static final Duration LOOK = Duration.ofMillis(100);

    private StreamsRate() {
    }

    static Throughput measure(Cluster cluster, KafkaStreams streams, String group, String topic, Duration length,
                              Progress progress) {
        long end = cluster.endOffset(topic);
        awaitRunning(streams);
        long started = System.nanoTime();
        long deadline = started + length.toNanos();
        long committed = cluster.committed(group, topic);
        long first = committed;
        while (System.nanoTime() < deadline && committed < end) {
            Pause.of(LOOK);
            committed = cluster.committed(group, topic);
        }
        Throughput result = Throughput.since(committed - first, started);
        progress.note(String.format("%,d of %,d records in %.1f s", result.count(), end, result.seconds()));
        return result;
    }

    /** Starts the streams and waits until they are RUNNING (a minute at most). */
    static void awaitRunning(KafkaStreams streams) {
        CompletableFuture<Void> running = new CompletableFuture<>();
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                running.complete(null);
            } else if (now == KafkaStreams.State.ERROR) {
                running.completeExceptionally(new IllegalStateException("the streams failed"));
            }
        });
        streams.start();
        try {
            running.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("streams did not start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            throw Cluster.interrupted(e);
        }
    }
}
