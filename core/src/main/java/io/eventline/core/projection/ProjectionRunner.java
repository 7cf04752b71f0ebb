package io.eventline.core.projection;

import io.eventline.core.failure.NotReady;
import io.eventline.core.kafka.RestoredRecords;
import io.eventline.core.kafka.StreamsSettings;
import io.eventline.core.query.PartitionStores;
import io.eventline.core.query.RecencyIndex;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a projection: the active version serves queries; {@link #rebuild()} builds the next version
 * from offset 0 beside it and cuts over once the new one has read as far as the old (its lag is no
 * larger), then retires the old: its streams, local state and internal topics. Queries never see a
 * half-built view, and a query that meets the cut-over is answered from the new version.
 *
 * <p>Thread-safe. A rebuild is driven by one monitor thread; a second call while one runs returns
 * its status. The active version is recorded in {@link ProjectionVersions}, so a restart serves it.
 */
public final class ProjectionRunner<V> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionRunner.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration POLL_VIEW = Duration.ofMillis(250);

    private final Projection<V> projection;
    private final Map<String, Object> clientSettings;
    private final Map<String, Object> streamsOverrides;
    private final Path stateDir;
    private final Optional<String> instanceId;
    private final ProjectionVersions versions;
    private final ProjectedCodec<V> codec;
    private final ViewChanges changes = new ViewChanges();
    private volatile Running active;
    private volatile RebuildStatus status;

    private record Running(int version, KafkaStreams streams, RestoredRecords restored) {
    }

    /** @param streamsOverrides e.g. {@code application.server}, so other instances can route queries */
    public ProjectionRunner(Projection<V> projection, Map<String, Object> clientSettings,
                            Map<String, Object> streamsOverrides, Path stateDir) {
        this(projection, clientSettings, streamsOverrides, stateDir, Optional.empty());
    }

    /**
     * @param instanceId this process's lasting id, for static membership: restarted after a crash, it
     *     takes its partitions straight back instead of waiting out its former session
     */
    public ProjectionRunner(Projection<V> projection, Map<String, Object> clientSettings,
                            Map<String, Object> streamsOverrides, Path stateDir, Optional<String> instanceId) {
        this.instanceId = instanceId;
        this.projection = projection;
        this.clientSettings = Map.copyOf(clientSettings);
        this.streamsOverrides = Map.copyOf(streamsOverrides);
        this.stateDir = stateDir;
        this.versions = new ProjectionVersions(clientSettings);
        this.codec = new ProjectedCodec<>(projection.viewType());
    }

    public void start() {
        int version = versions.current(projection.name());
        active = launch(version);
        status = new RebuildStatus(projection.name(), version, null, 0, 0);
        LOG.info("projection {} serving v{}", projection.name(), version);
    }

    public Projection<V> projection() {
        return projection;
    }

    /** The streams of the active version, e.g. to route a key's query to the instance holding it. */
    public KafkaStreams streams() {
        return active.streams();
    }

    public String store() {
        return projection.store(active.version());
    }

    public boolean isRunning() {
        return active != null && active.streams().state() == KafkaStreams.State.RUNNING;
    }

    /**
     * Why queries of this read model are not ready: the version serving them is not RUNNING, or is
     * still restoring its store from the changelog (a query would answer from a view behind the log).
     * Empty when ready. A rebuild's new version does not count until it serves.
     */
    public Optional<String> notReady() {
        Running running = active;
        if (running == null) {
            return Optional.of("read model " + projection.name() + " has not started");
        }
        return notReady(projection.name(), running.version(), running.streams().state(),
                running.restored().restoring());
    }

    static Optional<String> notReady(String name, int version, KafkaStreams.State state, int restoring) {
        if (state != KafkaStreams.State.RUNNING) {
            return Optional.of("read model " + name + " v" + version + " is " + state);
        }
        return restoring == 0 ? Optional.empty()
                : Optional.of("read model " + name + " v" + version + " is restoring " + restoring + " store partitions");
    }

    public Optional<Projected<V>> get(String key) {
        return read(store -> Optional.ofNullable(store.get(key)).map(codec::read));
    }

    /**
     * The view once it has seen at least {@code minVersion} events (read-your-writes: the version a
     * command's answer gave), or as it is when {@code limit} runs out.
     */
    public Optional<Projected<V>> await(String key, long minVersion, Duration limit) throws InterruptedException {
        // Nothing asked (minVersion 0): answer at once, also "unknown" (404) for a key no event made.
        return await(key, found -> minVersion <= 0 || found.version() >= minVersion, limit);
    }

    /**
     * The view once {@code until} holds for it, or as it is (perhaps none) when {@code limit} runs out.
     * Woken by the projection's write of that key, not by polling; the look every {@link #POLL_VIEW}
     * remains for a view another instance holds or a version being swapped in by a rebuild.
     */
    public Optional<Projected<V>> await(String key, Predicate<Projected<V>> until, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Optional<Projected<V>> found = get(key);
        // A plain read (or one already satisfied) takes no signal: only a reader that waits does.
        while (!(found.isPresent() && until.test(found.get())) && System.nanoTime() < deadline) {
            CompletableFuture<Void> next = changes.next(key);
            try {
                found = get(key); // again: a write before the signal was taken would not complete it
                long left = deadline - System.nanoTime();
                if ((found.isPresent() && until.test(found.get())) || left <= 0) {
                    break;
                }
                // callers run on virtual threads: waiting costs no thread
                changes.await(next, Duration.ofNanos(Math.min(left, POLL_VIEW.toNanos())));
                found = get(key);
            } finally {
                changes.forget(key, next);
            }
        }
        return found;
    }

    /** Every view this instance holds, by key. A full scan: for tools and tests, never for a request. */
    public List<Map.Entry<String, Projected<V>>> all() {
        return read(store -> {
            List<Map.Entry<String, Projected<V>>> views = new ArrayList<>();
            try (var all = store.all()) {
                all.forEachRemaining(entry -> views.add(Map.entry(entry.key, codec.read(entry.value))));
            }
            return views;
        });
    }

    /**
     * The views of the list {@code term} of the projection's {@link ViewIndex} that changed last and
     * satisfy {@code where}, newest first (ties by key), at most {@code limit}: read from the index,
     * then each view by its key, never a scan of the views. When {@code where} holds for the views of
     * the list, that is {@code limit} index entries plus one per partition; a view may change between
     * the two reads, so callers check with {@code where} what the list's term says of it.
     *
     * @throws IllegalStateException when the projection has no index
     */
    public List<Map.Entry<String, Projected<V>>> newest(String term, Predicate<Projected<V>> where, int limit) {
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

    private <T> T read(Function<ReadOnlyKeyValueStore<String, byte[]>, T> query) {
        return read((running, views) -> query.apply(views));
    }

    /**
     * Reads the active version's store. A store that is restoring, rebalancing or was just retired by
     * a cut-over is read again, from the version then active, for a few seconds before giving up.
     */
    private <T> T read(BiFunction<Running, ReadOnlyKeyValueStore<String, byte[]>, T> query) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            Running running = active;
            try {
                return query.apply(running, running.streams().store(StoreQueryParameters.fromNameAndType(
                        projection.store(running.version()), QueryableStoreTypes.keyValueStore())));
            } catch (RuntimeException e) {
                if (!retryable(e, running != active)) {
                    throw e;
                }
                if (System.nanoTime() > deadline) {
                    throw new NotReady("the " + projection.name() + " view is not ready; retry", e);
                }
                pause(Duration.ofMillis(50));
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

    public RebuildStatus status() {
        return status;
    }

    /** Starts building the next version, unless one is being built; returns the status either way. */
    public synchronized RebuildStatus rebuild() {
        if (status.building()) {
            return status;
        }
        int next = active.version() + 1;
        Running candidate = launch(next);
        status = new RebuildStatus(projection.name(), active.version(), next, 0, 0);
        Thread.ofVirtual().name("rebuild-" + projection.store(next)).start(() -> monitor(candidate));
        LOG.info("projection {}: building v{} from offset 0 beside v{}", projection.name(), next, active.version());
        return status;
    }

    private void monitor(Running candidate) {
        try (ProjectionLag lag = new ProjectionLag(clientSettings)) {
            long total = lag.end(projection);
            while (true) {
                long consumed = lag.consumed(projection, candidate.version());
                status = new RebuildStatus(projection.name(), active.version(), candidate.version(), consumed, total);
                if (candidate.streams().state() == KafkaStreams.State.RUNNING
                        && consumed >= lag.consumed(projection, active.version())) {
                    cutOver(candidate, lag);
                    return;
                }
                pause(POLL);
            }
        } catch (ExecutionException | RuntimeException e) {
            if (active == candidate) {
                LOG.warn("projection {}: v{} serves, but retiring the old version failed: {}", projection.name(),
                        candidate.version(), e.getMessage());
                return;
            }
            LOG.error("projection {}: rebuild of v{} failed; v{} keeps serving", projection.name(),
                    candidate.version(), active.version(), e);
            candidate.streams().close(Duration.ofSeconds(10));
            status = new RebuildStatus(projection.name(), active.version(), null, 0, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void cutOver(Running candidate, ProjectionLag lag) throws ExecutionException, InterruptedException {
        versions.activate(projection.name(), candidate.version());
        Running retired = active;
        active = candidate;
        status = new RebuildStatus(projection.name(), candidate.version(), null, status.consumed(), status.total());
        LOG.info("projection {}: v{} caught up; queries now read it; retiring v{}", projection.name(),
                candidate.version(), retired.version());
        closeLeavingGroup(retired.streams());
        retired.streams().cleanUp();
        lag.deleteInternalTopics(projection, retired.version());
    }

    private Running launch(int version) {
        StreamsBuilder builder = new StreamsBuilder();
        ProjectionTopology.addTo(builder, projection, version, changes);
        Path versionState = stateDir.resolve(projection.store(version));
        Properties props = instanceId
                .map(id -> StreamsSettings.exactlyOnce(projection.applicationId(version), clientSettings, versionState, id))
                .orElseGet(() -> StreamsSettings.exactlyOnce(projection.applicationId(version), clientSettings, versionState));
        props.putAll(streamsOverrides);
        KafkaStreams streams = new KafkaStreams(builder.build(props), props);
        RestoredRecords restored = new RestoredRecords();
        streams.setGlobalStateRestoreListener(restored);
        streams.start();
        return new Running(version, streams, restored);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Stops and leaves the group, so that other instances take this one's partitions at once rather
     * than after the session times out (a plain close stays a member).
     */
    private static void closeLeavingGroup(KafkaStreams streams) {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    }

    @Override
    public void close() {
        Running running = active;
        if (running != null) {
            closeLeavingGroup(running.streams());
        }
    }
}
