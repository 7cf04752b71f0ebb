package io.eventline.core.projection;

import io.eventline.core.kafka.ReplaceFailedThreads;
import io.eventline.core.kafka.RestingClients;
import io.eventline.core.kafka.RestoredRecords;
import io.eventline.core.kafka.StreamsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;

/**
 * One version of a projection running: its own Kafka Streams application ({@code <name>-v<N>}), with
 * its store under the state directory, and what its stores still restore (readiness).
 */
record RunningVersion(int version, KafkaStreams streams, RestoredRecords restored) {

    /** How versions of one projection are started: its settings, state directory and change signals. */
    record Launcher(Projection<?> projection, Map<String, Object> clientSettings, Map<String, Object> streamsOverrides,
                    Path stateDir, Optional<String> instanceId, ViewChanges changes) {
        Launcher {
            clientSettings = Map.copyOf(clientSettings);
            streamsOverrides = Map.copyOf(streamsOverrides);
        }

        /** The version that serves: it commits as an application off the saga's path. */
        RunningVersion launch(int version) {
            return launch(version, false);
        }

        /**
         * @param catchingUp a version built beside the one serving ({@link Rebuilder}): it commits at the
         *     services' interval, as the cut-over waits for its committed offsets to reach the serving
         *     version's: a longer interval would hold the cut-over up to that much longer
         */
        RunningVersion launch(int version, boolean catchingUp) {
            StreamsBuilder builder = new StreamsBuilder();
            ProjectionTopology.addTo(builder, projection, version, changes);
            Properties props = settings(version, catchingUp);
            String applicationId = projection.applicationId(version);
            KafkaStreams streams = RestingClients.streams(builder.build(props), props);
            RestoredRecords restored = new RestoredRecords();
            streams.setGlobalStateRestoreListener(restored);
            streams.setUncaughtExceptionHandler(new ReplaceFailedThreads(applicationId));
            streams.start();
            return new RunningVersion(version, streams, restored);
        }

        /** The Streams settings of one version: see {@link #launch(int, boolean)}. */
        Properties settings(int version, boolean catchingUp) {
            Path versionState = stateDir.resolve(projection.store(version));
            String applicationId = projection.applicationId(version);
            Properties props = instanceId
                    .map(id -> StreamsSettings.exactlyOnce(applicationId, clientSettings, versionState, id))
                    .orElseGet(() -> StreamsSettings.exactlyOnce(applicationId, clientSettings, versionState));
            props.putAll(streamsOverrides);
            return catchingUp ? props : StreamsSettings.offThePath(props); // a read model serves before it commits
        }
    }

    /**
     * Stops and leaves the group, so that other instances take this one's partitions at once rather
     * than after the session times out (a plain close stays a member).
     */
    void closeLeavingGroup() {
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    }
}
