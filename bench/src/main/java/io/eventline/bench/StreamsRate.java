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
    /** How close two windows' rates must be for a warm-up to count as steady. */
    static final double STEADY = 0.10;

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

    /**
     * Runs the application untimed until its rate is steady: two windows in a row within
     * {@link #STEADY} of each other, or {@code cap} at most, or the topic read to its end. For a
     * warm-up: a JVM's first minute of a hop keeps getting faster as the JIT compiles its path (6
     * December, the command hop 8 s at a time in one JVM: exactly-once 5,702, 18,427 then 23,785
     * commands/s, at-least-once between them 15,550, 22,569, 24,637).
     */
    static void untilSteady(Cluster cluster, KafkaStreams streams, String group, String topic, Duration window,
                            Duration cap, Progress progress) {
        long end = cluster.endOffset(topic);
        awaitRunning(streams);
        long deadline = System.nanoTime() + cap.toNanos();
        long committed = cluster.committed(group, topic);
        double before = -1;
        while (System.nanoTime() < deadline && committed < end) {
            long from = committed;
            long started = System.nanoTime();
            while (System.nanoTime() - started < window.toNanos() && committed < end) {
                Pause.of(LOOK);
                committed = cluster.committed(group, topic);
            }
            double rate = (committed - from) / ((System.nanoTime() - started) / 1e9);
            if (steady(before, rate)) {
                progress.note(String.format("steady at %,.0f records/s", rate));
                return;
            }
            before = rate;
        }
        progress.note(String.format("not steady when it stopped: %,.0f records/s in the last window", before));
    }

    /** Whether a window's rate is within {@link #STEADY} of the one before (none before: negative). */
    static boolean steady(double before, double rate) {
        return before > 0 && Math.abs(rate - before) <= STEADY * before;
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
