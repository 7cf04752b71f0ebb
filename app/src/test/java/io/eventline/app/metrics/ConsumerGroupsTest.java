package io.eventline.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.Test;

/** Which groups' lag is reported: a read model's version a rebuild retired is left out. */
class ConsumerGroupsTest {
    @Test
    void shouldLeaveOutAnEmptyVersionWhenALaterVersionOfTheModelExists() {
        Map<String, GroupState> groups = Map.of(
                "eventline-projection-orders-view-v1", GroupState.EMPTY,
                "eventline-projection-orders-view-v2", GroupState.STABLE,
                "eventline-projection-accounts-view-v1", GroupState.EMPTY,
                "eventline-orders", GroupState.EMPTY);

        assertThat(ConsumerLag.retired("eventline-projection-orders-view-v1", groups)).isTrue();
        assertThat(ConsumerLag.retired("eventline-projection-orders-view-v2", groups)).isFalse();
        assertThat(ConsumerLag.retired("eventline-projection-accounts-view-v1", groups))
                .as("no later version: a stopped instance, whose lag matters").isFalse();
        assertThat(ConsumerLag.retired("eventline-orders", groups)).as("a service stopped: its lag grows").isFalse();
    }

    @Test
    void shouldKeepBothVersionsWhenARebuildIsUnderWay() {
        Map<String, GroupState> groups = Map.of(
                "eventline-projection-orders-view-v1", GroupState.STABLE,
                "eventline-projection-orders-view-v2", GroupState.STABLE);

        assertThat(ConsumerLag.retired("eventline-projection-orders-view-v1", groups)).isFalse();
    }

    @Test
    void shouldNameTheServiceWhenGivenItsApplicationId() {
        assertThat(ProcessingMeters.service("eventline-orders")).isEqualTo("orders");
        assertThat(ProcessingMeters.service("eventline-projection-orders-view-v1")).isEqualTo("orders-view-v1");
    }
}
