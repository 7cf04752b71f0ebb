package io.eventline.core.projection;

import io.eventline.core.failure.NotReady;
import io.eventline.core.query.KeyPartitionStore;
import io.eventline.core.query.PartitionStores;
import io.eventline.core.query.RecencyIndex;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Answers the queries of a projection from whichever version serves them: a view by key (now, or once
 * it has changed enough), the newest of a list of its index. A read that meets a store restoring,
 * rebalancing or retired by a rebuild's cut-over is asked again of the version then serving.
 */
final class ViewQueries<V> {
    /**
     * How soon a waiting reader first looks again without a write, for a view another instance holds or a
     * version swapped in; each look that finds nothing doubles the next wait, up to {@link #POLL_VIEW_MOST}.
     * Why not a fixed period: every write of the view wakes its readers, so a look is only a safety net,
     * and when orders queue (a load above what the platform keeps up with) a thousand readers looking four
     * times a second took CPU from the work they waited for, which made them wait longer.
     */
    private static final Duration POLL_VIEW = Duration.ofMillis(250);
    private static final Duration POLL_VIEW_MOST = Duration.ofSeconds(2);
    private static final Duration READ_RETRIES = Duration.ofSeconds(5);

    private final Projection<V> projection;
    private final ProjectedCodec<V> codec;
    private final ViewChanges changes;
    private final Supplier<RunningVersion> serving;

    ViewQueries(Projection<V> projection, ViewChanges changes, Supplier<RunningVersion> serving) {
        this.projection = projection;
        this.codec = new ProjectedCodec<>(projection.viewType());
        this.changes = changes;
        this.serving = serving;
    }

    Optional<Projected<V>> get(String key) {
        return read((running, store) -> Optional.ofNullable(store.get(key)).map(codec::read));
    }

    /**
     * The view once {@code until} holds for it, or as it is (perhaps none) when {@code limit} runs out.
     * Handed each write of that key by the projection ({@link ViewChanges}), not polling; the look every
     * {@link #POLL_VIEW} remains for a view another instance holds or a version being swapped in by a
     * rebuild.
     */
    Optional<Projected<V>> await(String key, Predicate<Projected<V>> until, Duration limit) throws InterruptedException {
        return await(key, until, limit, () -> get(key));
    }

    /**
     * {@link #await}, reading the store through {@code read}: twice when the view is not there yet (before
     * and after the watch starts), then only when {@link #POLL_VIEW} passes without a write (twice as
     * long after each such look). A write is
     * taken as written, with no read of the store: an interactive query looks the store up among the
     * application's tasks on each read. A write by a
     * version still being built (a rebuild catching up) is a state the view truly had: it answers a
     * reader whose condition it meets, and one it does not meet waits on.
     */
    Optional<Projected<V>> await(String key, Predicate<Projected<V>> until, Duration limit,
                                 Supplier<Optional<Projected<V>>> read) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Optional<Projected<V>> found = read.get();
        // A plain read (or one already satisfied) takes no watch: only a reader that waits does.
        if (holds(found, until) || limit.isZero() || limit.isNegative()) {
            return found;
        }
        ViewChanges.Watch watch = changes.watch(key);
        try {
            found = read.get(); // again: a write before the watch started would not reach it
            long left;
            long poll = POLL_VIEW.toNanos();
            while (!holds(found, until) && (left = deadline - System.nanoTime()) > 0) {
                // callers run on virtual threads: waiting costs no thread
                Optional<byte[]> written = watch.next(Duration.ofNanos(Math.min(left, poll)));
                if (written.isPresent()) {
                    found = Optional.of(codec.read(written.get()));
                } else {
                    found = read.get();
                    poll = Math.min(2 * poll, POLL_VIEW_MOST.toNanos());
                }
            }
        } finally {
            changes.forget(watch);
        }
        return found;
    }

    private static <V> boolean holds(Optional<Projected<V>> found, Predicate<Projected<V>> until) {
        return found.isPresent() && until.test(found.get());
    }

    /** Every view this instance holds, by key. A full scan: for tools and tests, never for a request. */
    List<Map.Entry<String, Projected<V>>> all() {
        return read((running, store) -> {
            List<Map.Entry<String, Projected<V>>> views = new ArrayList<>();
            try (var all = store.all()) {
                all.forEachRemaining(entry -> views.add(Map.entry(entry.key, codec.read(entry.value))));
            }
            return views;
        });
    }

    /** See {@link ProjectionRunner#newest}. */
    List<Map.Entry<String, Projected<V>>> newest(String term, Predicate<Projected<V>> where, int limit) {
        if (projection.index().isEmpty()) {
            throw new IllegalStateException("projection " + projection.name() + " has no index");
        }
        return read((running, views) -> {
            List<Map.Entry<String, Projected<V>>> found = new ArrayList<>();
            RecencyIndex.newest(PartitionStores.of(running::streams).of(projection.indexStore(running.version())),
                    term, limit, key -> {
                        byte[] stored = views.get(key);
                        Projected<V> view = stored == null ? null : codec.read(stored);
                        return view != null && where.test(view) && found.add(Map.entry(key, view));
                    });
            return found;
        });
    }

    /**
     * Reads the serving version's store. A store that is restoring, rebalancing or was just retired by
     * a cut-over is read again, from the version then serving, for a few seconds before giving up.
     */
    private <T> T read(BiFunction<RunningVersion, ReadOnlyKeyValueStore<String, byte[]>, T> query) {
        long deadline = System.nanoTime() + READ_RETRIES.toNanos();
        while (true) {
            RunningVersion running = serving.get();
            try {
                return query.apply(running, KeyPartitionStore.of(running.streams(), projection.store(running.version())));
            } catch (RuntimeException e) {
                if (!retryable(e, running != serving.get())) {
                    throw e;
                }
                if (System.nanoTime() > deadline) {
                    throw new NotReady("the " + projection.name() + " view is not ready; retry", e);
                }
                Pause.of(Duration.ofMillis(50));
            }
        }
    }

    /**
     * Whether a failed read is asked again: a store not ready is, and so is any failure of a read that
     * met a cut-over ({@code retired}): the old version's stores close under it, and what a store
     * closing mid-read throws is not always an {@link InvalidStateStoreException} (a RocksDB or cache
     * error may surface instead). The new version is read instead.
     */
    static boolean retryable(RuntimeException failure, boolean retired) {
        return retired || failure instanceof InvalidStateStoreException;
    }
}
