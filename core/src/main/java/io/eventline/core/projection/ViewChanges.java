package io.eventline.core.projection;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Wakes the readers waiting for a key's view to change, as soon as the projection writes it, rather
 * than at their next look: a reader polling every 20–50 ms added half of that to every answer of
 * {@code ?wait=} or {@code ?minVersion=}. One waiter entry per key waited on, taken by the next write of
 * that key; a write nobody waits for costs one map lookup.
 */
final class ViewChanges {
    private final ConcurrentMap<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    /** Called by the projection after it wrote {@code key}'s view. */
    void changed(String key) {
        CompletableFuture<Void> waiter = waiting.remove(key);
        if (waiter != null) {
            waiter.complete(null);
        }
    }

    /**
     * The signal of {@code key}'s next write: take it before reading the view, then wait on it, so that
     * a write between the read and the wait is not missed.
     */
    CompletableFuture<Void> next(String key) {
        return waiting.computeIfAbsent(key, k -> new CompletableFuture<>());
    }

    /**
     * Waits until {@code next} completes or {@code limit} passes; either way the caller reads again.
     *
     * @return whether the key was written meanwhile
     */
    boolean await(String key, CompletableFuture<Void> next, Duration limit) throws InterruptedException {
        try {
            next.get(Math.max(1, limit.toNanos()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a view change signal never fails", e);
        }
    }

    /**
     * Drops a signal its waiter no longer needs, so that keys waited on but never written (an unknown
     * order asked for with {@code ?wait=}) do not pile up. Another reader sharing it takes a new one at
     * its next look, at most one poll later.
     */
    void forget(String key, CompletableFuture<Void> next) {
        waiting.remove(key, next);
    }

    /** Keys with a reader waiting on them, for tests. */
    int waiting() {
        return waiting.size();
    }
}
