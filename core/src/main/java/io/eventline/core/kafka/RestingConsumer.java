package io.eventline.core.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A Kafka Streams thread's consumer (a stream thread's, or a global table's) that waits longer in a poll
 * than Kafka Streams asks ({@code poll.ms}, 100 ms) once its thread is at rest.
 *
 * <p>Why: a stream thread runs its loop (lags, state updater, punctuators, commit timer, metrics) after
 * every poll, so at rest each application's thread woke ten times a second for nothing; with eleven
 * applications those loops, and the heartbeats and fetches they stir, were most of what an idle
 * {@code ./eventline run} cost beyond its broker (docs/performance.md). A longer {@code poll.ms} for
 * every poll would have the same effect at rest, but also hold a thread's output for up to that long
 * whenever it waits in a poll for its commit timer, and delay its punctuators.
 *
 * <p>So the wait is long only when nothing can need the thread before a record arrives (a record ends
 * any poll at once): its application {@code RUNNING} and not paused (not restoring, rebalancing or
 * closing), no punctuator ticking on the thread ({@link TicksWhileBusy}), and nothing returned by a poll
 * for {@code quiet} (longer than the commit interval and a poll: whatever the last records made is
 * committed by then, and a punctuation they scheduled has run). The long wait is made of polls of
 * {@code slice}, each followed by a look at those conditions, so that a close or a pause is heard within
 * a slice. Each poll of the consumer costs too, so the slices are longer than Kafka Streams' poll.
 *
 * <p>Its fetches wait longer at the broker too ({@link RestingClients}): a consumer closing waits for
 * its fetch in flight, so a close gives the consumer {@link #CLOSE_TIMEOUT} at most (its group's leave
 * takes milliseconds; the fetch session it ends would expire at the broker anyway).
 */
final class RestingConsumer extends KafkaConsumer<byte[], byte[]> {
    static final Duration CLOSE_TIMEOUT = Duration.ofMillis(250);

    private final BooleanSupplier applicationAtRest;
    private final LongSupplier nanoTime;
    private final long quietNanos;
    private final long restNanos;
    private final Duration slice;
    private long lastActiveNanos;

    /**
     * @param applicationAtRest whether the application is running and not paused: false until it is
     * @param quiet how long the thread must have polled nothing before it may wait longer
     * @param rest the longest a poll waits then
     * @param slice how long each poll of that wait may block: how soon a close or pause is heard
     */
    RestingConsumer(Map<String, Object> configs, BooleanSupplier applicationAtRest, Duration quiet, Duration rest,
                    Duration slice, LongSupplier nanoTime) {
        super(configs, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.applicationAtRest = applicationAtRest;
        this.nanoTime = nanoTime;
        this.quietNanos = quiet.toNanos();
        this.restNanos = rest.toNanos();
        this.slice = slice;
        this.lastActiveNanos = nanoTime.getAsLong();
    }

    @Override
    public ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
        ConsumerRecords<byte[], byte[]> records = polled(super.poll(timeout));
        if (timeout.isZero()) {
            return records;
        }
        long deadline = nanoTime.getAsLong() + restNanos;
        while (!got(records) && atRest() && nanoTime.getAsLong() < deadline) {
            records = polled(super.poll(slice));
        }
        return records;
    }

    @Override
    public void close() {
        close(CloseOptions.timeout(CLOSE_TIMEOUT));
    }

    @Override
    public void close(Duration timeout) {
        close(CloseOptions.timeout(timeout));
    }

    @Override
    public void close(CloseOptions options) {
        Duration asked = options.timeout().orElse(CLOSE_TIMEOUT);
        super.close(CloseOptions.groupMembershipOperation(options.groupMembershipOperation())
                .withTimeout(asked.compareTo(CLOSE_TIMEOUT) < 0 ? asked : CLOSE_TIMEOUT));
    }

    private ConsumerRecords<byte[], byte[]> polled(ConsumerRecords<byte[], byte[]> records) {
        if (got(records)) {
            lastActiveNanos = nanoTime.getAsLong();
        }
        return records;
    }

    /** Whether nothing can need the thread before a record comes: see the class comment. */
    private boolean atRest() {
        long now = nanoTime.getAsLong();
        if (!applicationAtRest.getAsBoolean() || TicksWhileBusy.anyOnThisThread()) {
            lastActiveNanos = now;
            return false;
        }
        return now - lastActiveNanos >= quietNanos;
    }

    // Offsets moved past transaction markers count: Kafka Streams commits them (KIP-1094).
    private static boolean got(ConsumerRecords<byte[], byte[]> records) {
        return !records.isEmpty() || !records.nextOffsets().isEmpty();
    }
}
