package io.eventline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Latency is counted from when a request was meant to leave, so a stalled sender shows as latency of
 * every request queued behind it (no coordinated omission). A simulated clock makes it deterministic.
 */
class LatencyAccountingTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    /** A clock that only moves when told: parking jumps to the time asked, a stall moves it on. */
    private static final class SimulatedClock implements OpenLoop.Clock {
        long now;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void parkUntil(long nanos) {
            now = Math.max(now, nanos);
        }
    }

    @Test
    void shouldCountTheWaitOfEveryRequestQueuedBehindAStallWhenTheSenderStalls() {
        SimulatedClock clock = new SimulatedClock();
        LatencyRecorder fromIntended = new LatencyRecorder(1_000);
        LatencyRecorder fromActualSend = new LatencyRecorder(1_000);
        // 1,000 requests a second for a second, each answered 1 ms after it leaves; the first send stalls 500 ms.
        long sent = new OpenLoop(1_000, clock).run(Duration.ofSeconds(1), (index, intended) -> {
            long leftAt = clock.now;
            clock.now += index == 0 ? 500 * MS : 0;
            fromIntended.record(intended, clock.now + MS);
            fromActualSend.record(leftAt, clock.now + MS);
        });

        assertThat(sent).isEqualTo(1_000);
        LatencySummary honest = fromIntended.summary();
        assertThat(honest.max()).isCloseTo(501, within(1.0));
        assertThat(honest.p99()).as("the 499 requests queued behind the stall waited up to 499 ms")
                .isGreaterThan(480);
        assertThat(fromActualSend.summary().p99()).as("timed from the actual send, the stall hides")
                .isCloseTo(1, within(0.1));
    }

    @Test
    void shouldScheduleEachRequestFromTheStartWhenTheRateIsFractional() {
        OpenLoop loop = new OpenLoop(3, new SimulatedClock());

        assertThat(loop.intendedAt(0, 0)).isZero();
        assertThat(loop.intendedAt(0, 1)).isEqualTo(333_333_333);
        assertThat(loop.intendedAt(0, 3_000)).as("no rounding error accumulates").isEqualTo(1_000_000_000_000L);
    }

    @Test
    void shouldSendOnTimeAndNotEarlyWhenTheSenderKeepsUp() {
        SimulatedClock clock = new SimulatedClock();
        List<Long> lateness = new ArrayList<>();
        new OpenLoop(100, clock).run(Duration.ofMillis(100), (index, intended) -> lateness.add(clock.now - intended));

        assertThat(lateness).hasSize(10).containsOnly(0L);
    }

    @Test
    void shouldReportPercentilesInMillisecondsAndFailuresApartWhenRecorded() {
        LatencyRecorder latencies = new LatencyRecorder(50);
        for (int ms = 1; ms <= 100; ms++) {
            latencies.record(0, ms * MS);
        }
        latencies.failed(3);

        LatencySummary summary = latencies.summary();
        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.failed()).isEqualTo(3);
        assertThat(summary.rate()).isEqualTo(50);
        assertThat(summary.p50()).isCloseTo(50, within(0.1));
        assertThat(summary.p99()).isCloseTo(99, within(0.1));
        assertThat(summary.max()).isCloseTo(100, within(0.1));
    }
}
