package io.eventline.core.projection;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a projection: the active version serves queries; {@link #rebuild()} builds the next version
 * from offset 0 beside it and cuts over once the new one has read as far as the old (its lag is no
 * larger), then retires the old: its streams, local state and internal topics. Queries never see a
 * half-built view, and a query that meets the cut-over is answered from the new version.
 *
 * <p>Three parts: {@link RunningVersion} runs one version, {@link ViewQueries} answers queries from
 * the version serving, {@link Rebuilder} builds the next and switches to it. Thread-safe. The active
 * version is recorded in {@link ProjectionVersions}, so a restart serves it.
 */
public final class ProjectionRunner<V> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionRunner.class);

    private final Projection<V> projection;
    private final ProjectionVersions versions;
    private final RunningVersion.Launcher launcher;
    private final AtomicReference<RunningVersion> serving = new AtomicReference<>();
    private final ViewQueries<V> queries;
    private final Rebuilder rebuilds;

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
        this.projection = projection;
        this.versions = new ProjectionVersions(clientSettings);
        ViewChanges changes = new ViewChanges();
        this.launcher = new RunningVersion.Launcher(projection, clientSettings, streamsOverrides, stateDir, instanceId,
                changes);
        this.queries = new ViewQueries<>(projection, changes, serving::get);
        this.rebuilds = new Rebuilder(projection, clientSettings, versions, launcher, serving);
    }

    public void start() {
        int version = versions.current(projection.name());
        serving.set(launcher.launch(version));
        rebuilds.serving(version);
        LOG.info("projection {} serving v{}", projection.name(), version);
    }

    public Projection<V> projection() {
        return projection;
    }

    /** The streams of the active version, e.g. to route a key's query to the instance holding it. */
    public KafkaStreams streams() {
        return serving.get().streams();
    }

    public String store() {
        return projection.store(serving.get().version());
    }

    public boolean isRunning() {
        RunningVersion running = serving.get();
        return running != null && running.streams().state() == KafkaStreams.State.RUNNING;
    }

    /**
     * Why queries of this read model are not ready: the version serving them is not RUNNING, or is
     * still restoring its store from the changelog (a query would answer from a view behind the log).
     * Empty when ready. A rebuild's new version does not count until it serves.
     */
    public Optional<String> notReady() {
        RunningVersion running = serving.get();
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
        return queries.get(key);
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
     * The view once {@code until} holds for it, or as it is (perhaps none) when {@code limit} runs out:
     * woken by the projection's write of that key ({@link ViewQueries#await}).
     */
    public Optional<Projected<V>> await(String key, Predicate<Projected<V>> until, Duration limit)
            throws InterruptedException {
        return queries.await(key, until, limit);
    }

    /** Every view this instance holds, by key. A full scan: for tools and tests, never for a request. */
    public List<Map.Entry<String, Projected<V>>> all() {
        return queries.all();
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
        return queries.newest(term, where, limit);
    }

    public RebuildStatus status() {
        return rebuilds.status();
    }

    /** Starts building the next version, unless one is being built; returns the status either way. */
    public RebuildStatus rebuild() {
        return rebuilds.rebuild();
    }

    @Override
    public void close() {
        RunningVersion running = serving.get();
        if (running != null) {
            running.closeLeavingGroup();
        }
    }
}
