package io.eventline.bench;

import java.time.Duration;

/** How many records (or orders) a phase got through, in how long. */
record Throughput(long count, Duration elapsed) {
    Throughput {
        if (count < 0 || elapsed.isNegative()) {
            throw new IllegalArgumentException("count and elapsed: not negative, were " + count + ", " + elapsed);
        }
    }

    static Throughput since(long count, long startedNanos) {
        return new Throughput(count, Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    /** Per second; 0 when no time passed (nothing was measured). */
    double perSecond() {
        return elapsed.isZero() ? 0 : count / (elapsed.toNanos() / 1e9);
    }

    double seconds() {
        return elapsed.toNanos() / 1e9;
    }
}
