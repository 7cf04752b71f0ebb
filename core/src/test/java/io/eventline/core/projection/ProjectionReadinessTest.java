package io.eventline.core.projection;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.KafkaStreams;
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
}
