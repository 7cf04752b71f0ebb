package io.eventline.core.projection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Hands the readers waiting for a key's view each write of that key, as the projection makes it, rather
 * than having them look again: a reader polling every 20–50 ms added half of that to every answer of
 * {@code ?wait=} or {@code ?minVersion=}, and a reader woken only to read the store again paid an
 * interactive query (the store looked up among the application's tasks) for each write. Each waiting
 * reader holds its own {@link Watch}, registered once for the whole wait, so that one giving up never
 * takes another's away and no write falls between two signals; a write nobody waits for costs one map
 * lookup.
 */
final class ViewChanges {
    // Lists are only touched inside the map's atomic per-key operations.
    private final ConcurrentMap<String, List<Watch>> watching = new ConcurrentHashMap<>();

    /** Called by the projection after it wrote {@code key}'s view: hands {@code written} to every reader of that key. */
    void changed(String key, byte[] written) {
        watching.computeIfPresent(key, (k, watches) -> {
            watches.forEach(watch -> watch.written(written));
            return watches;
        });
    }

    /**
     * Watches {@code key}'s writes for one reader, from now until {@link #forget}: start it before reading
     * the view, so that a write between the read and the wait is not missed.
     */
    Watch watch(String key) {
        Watch watch = new Watch(key);
        watching.compute(key, (k, watches) -> {
            List<Watch> all = watches == null ? new ArrayList<>() : watches;
            all.add(watch);
            return all;
        });
        return watch;
    }

    /**
     * Drops a reader's watch once it no longer waits, so that keys waited on but never written (an
     * unknown order asked for with {@code ?wait=}) do not pile up. Other readers of the key keep theirs.
     */
    void forget(Watch watch) {
        watching.computeIfPresent(watch.key, (k, watches) -> {
            watches.remove(watch);
            return watches.isEmpty() ? null : watches;
        });
    }

    /** Keys with a reader waiting on them, for tests. */
    int watching() {
        return watching.size();
    }

    /** One reader's view of a key's writes: the newest one it has not yet taken. */
    static final class Watch {
        private final String key;
        private final Semaphore writes = new Semaphore(0);
        private volatile byte[] newest;

        private Watch(String key) {
            this.key = key;
        }

        private void written(byte[] value) {
            newest = value;
            writes.release();
        }

        /**
         * The newest write since the last call (earlier ones it replaced are skipped), as soon as there is
         * one; empty when {@code limit} passed without a write.
         */
        Optional<byte[]> next(Duration limit) throws InterruptedException {
            if (!writes.tryAcquire(Math.max(1, limit.toNanos()), TimeUnit.NANOSECONDS)) {
                return Optional.empty();
            }
            writes.drainPermits(); // read after the drain: a write between the two is the one returned
            return Optional.of(newest);
        }
    }
}
