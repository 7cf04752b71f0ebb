package io.eventline.core.projection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Wakes the readers waiting for a key's view to change, as soon as the projection writes it, rather
 * than at their next look: a reader polling every 20–50 ms added half of that to every answer of
 * {@code ?wait=} or {@code ?minVersion=}. Each waiting reader holds its own signal, so that one giving
 * up never takes another's away; a write nobody waits for costs one map lookup.
 */
final class ViewChanges {
    // Lists are only touched inside the map's atomic per-key operations.
    private final ConcurrentMap<String, List<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();

    /** Called by the projection after it wrote {@code key}'s view: wakes every reader of that key. */
    void changed(String key) {
        List<CompletableFuture<Void>> readers = waiting.remove(key);
        if (readers != null) {
            readers.forEach(reader -> reader.complete(null));
        }
    }

    /**
     * A signal of {@code key}'s next write, for one reader: take it before reading the view, then wait
     * on it, so that a write between the read and the wait is not missed. Forget it when done.
     */
    CompletableFuture<Void> next(String key) {
        CompletableFuture<Void> signal = new CompletableFuture<>();
        waiting.compute(key, (k, readers) -> {
            List<CompletableFuture<Void>> all = readers == null ? new ArrayList<>() : readers;
            all.add(signal);
            return all;
        });
        return signal;
    }

    /**
     * Waits until {@code next} completes or {@code limit} passes; either way the caller reads again.
     *
     * @return whether the key was written meanwhile
     */
    boolean await(CompletableFuture<Void> next, Duration limit) throws InterruptedException {
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
     * Drops a reader's signal once it no longer waits, so that keys waited on but never written (an
     * unknown order asked for with {@code ?wait=}) do not pile up. Other readers of the key keep theirs.
     */
    void forget(String key, CompletableFuture<Void> next) {
        waiting.computeIfPresent(key, (k, readers) -> {
            readers.remove(next);
            return readers.isEmpty() ? null : readers;
        });
    }

    /** Keys with a reader waiting on them, for tests. */
    int waiting() {
        return waiting.size();
    }
}
