package io.eventline.core.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounded exponential backoff: attempt n waits {@code initial × 2^(n-1)}, capped at {@code max}; after
 * {@code maxAttempts} the effect is given up and dead-lettered.
 */
public record RetryPolicy(int maxAttempts, Duration initial, Duration max) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofMillis(200), Duration.ofSeconds(10));

    public RetryPolicy {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts: at least 1, was " + maxAttempts);
        }
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff: 0 < initial <= max, was " + initial + " and " + max);
        }
    }

    /** How long to wait after the {@code attempt}-th failed attempt (1-based). */
    public Duration backoffAfter(int attempt) {
        long factor = 1L << Math.min(attempt - 1, 30);
        Duration next = initial.multipliedBy(factor);
        return next.compareTo(max) > 0 ? max : next;
    }

    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
