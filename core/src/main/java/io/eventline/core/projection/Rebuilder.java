package io.eventline.core.projection;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds a projection: the next version, started from offset 0 beside the one serving, is followed
 * by one monitor thread until it has read as far as the serving one (its lag no larger); then it is
 * recorded as the active version ({@link ProjectionVersions}), queries are switched to it, and the
 * old one is retired: its streams, local state and internal topics. A rebuild that fails leaves the
 * serving version as it was.
 */
final class Rebuilder {
    private static final Logger LOG = LoggerFactory.getLogger(Rebuilder.class);
    private static final Duration POLL = Duration.ofMillis(250);

    private final Projection<?> projection;
    private final Map<String, Object> clientSettings;
    private final ProjectionVersions versions;
    private final RunningVersion.Launcher launcher;
    private final AtomicReference<RunningVersion> serving;
    private volatile RebuildStatus status;

    Rebuilder(Projection<?> projection, Map<String, Object> clientSettings, ProjectionVersions versions,
              RunningVersion.Launcher launcher, AtomicReference<RunningVersion> serving) {
        this.projection = projection;
        this.clientSettings = Map.copyOf(clientSettings);
        this.versions = versions;
        this.launcher = launcher;
        this.serving = serving;
    }

    /** The version serving since the start, with no rebuild under way. */
    void serving(int version) {
        status = new RebuildStatus(projection.name(), version, null, 0, 0);
    }

    RebuildStatus status() {
        return status;
    }

    /** Starts building the next version, unless one is being built; returns the status either way. */
    synchronized RebuildStatus rebuild() {
        if (status.building()) {
            return status;
        }
        int current = serving.get().version();
        int next = current + 1;
        RunningVersion candidate = launcher.launch(next, true);
        status = new RebuildStatus(projection.name(), current, next, 0, 0);
        Thread.ofVirtual().name("rebuild-" + projection.store(next)).start(() -> monitor(candidate));
        LOG.info("projection {}: building v{} from offset 0 beside v{}", projection.name(), next, current);
        return status;
    }

    private void monitor(RunningVersion candidate) {
        try (ProjectionLag lag = new ProjectionLag(clientSettings)) {
            long total = lag.end(projection);
            while (true) {
                long consumed = lag.consumed(projection, candidate.version());
                status = new RebuildStatus(projection.name(), serving.get().version(), candidate.version(), consumed,
                        total);
                if (candidate.streams().state() == KafkaStreams.State.RUNNING
                        && consumed >= lag.consumed(projection, serving.get().version())) {
                    cutOver(candidate, lag);
                    return;
                }
                Pause.of(POLL);
            }
        } catch (ExecutionException | RuntimeException e) {
            if (serving.get() == candidate) {
                LOG.warn("projection {}: v{} serves, but retiring the old version failed: {}", projection.name(),
                        candidate.version(), e.getMessage());
                return;
            }
            LOG.error("projection {}: rebuild of v{} failed; v{} keeps serving", projection.name(),
                    candidate.version(), serving.get().version(), e);
            candidate.streams().close(Duration.ofSeconds(10));
            status = new RebuildStatus(projection.name(), serving.get().version(), null, 0, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void cutOver(RunningVersion candidate, ProjectionLag lag) throws ExecutionException, InterruptedException {
        versions.activate(projection.name(), candidate.version());
        RunningVersion retired = serving.getAndSet(candidate);
        status = new RebuildStatus(projection.name(), candidate.version(), null, status.consumed(), status.total());
        LOG.info("projection {}: v{} caught up; queries now read it; retiring v{}", projection.name(),
                candidate.version(), retired.version());
        retired.closeLeavingGroup();
        retired.streams().cleanUp();
        lag.deleteInternalTopics(projection, retired.version());
    }
}
