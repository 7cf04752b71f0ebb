package io.eventline.core.projection;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.junit.jupiter.api.Test;

/** A read model answers queries once its serving version runs and has restored its store. */
class ProjectionReadinessTest {
    @Test
    void shouldNotBeReadyWhileRestoringNorWhenNotRunning() {
        assertThat(ProjectionRunner.notReady("orders-view", 2, KafkaStreams.State.RUNNING, 3))
                .hasValue("read model orders-view v2 is restoring 3 store partitions");
        assertThat(ProjectionRunner.notReady("orders-view", 2, KafkaStreams.State.REBALANCING, 0))
                .hasValue("read model orders-view v2 is REBALANCING");
        assertThat(ProjectionRunner.notReady("orders-view", 2, KafkaStreams.State.RUNNING, 0)).isEmpty();
    }

    /** A read that met a cut-over is asked of the new version whatever the closing store threw. */
    @Test
    void shouldReadAgainAfterAStoreNotReadyOrAnyFailureOfARetiredVersion() {
        assertThat(ViewQueries.retryable(new InvalidStateStoreException("migrated"), false)).isTrue();
        assertThat(ViewQueries.retryable(new ProcessorStateException("closed under the read"), true)).isTrue();
        assertThat(ViewQueries.retryable(new IllegalStateException("a bug"), false)).isFalse();
    }
}
