package io.eventline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {
    @Test
    void shouldSplitEachHopIntoCommittingAndProcessingWhenEachStepWritesOneRecord() {
        Timeline timeline = Timeline.of(List.of(arrival("orders", 1_000, 1_008), arrival("accounts", 1_010, 1_030),
                arrival("outcomes", 1_035, 1_100)));

        assertThat(timeline.hops()).extracting(Timeline.Hop::committingMs).containsExactly(8.0, 20.0, 65.0);
        assertThat(timeline.hops()).extracting(Timeline.Hop::processingMs).containsExactly(2.0, 5.0, Double.NaN);
        assertThat(timeline.totalMs()).as("the hops add up").isEqualTo(100);
    }

    @Test
    void shouldKeepTheRecordsOfOneTransactionInOneHopWhenTheyBecomeVisibleTogether() {
        // An event and a reply committed together; then a record created before the event was visible
        // but visible much later (the trace's consumer is slower than the stage): the next hop.
        Timeline timeline = Timeline.of(List.of(arrival("orders.events", 1_000, 1_050),
                arrival("orders.replies", 1_001, 1_051), arrival("accounts.commands", 1_049, 1_090)));

        assertThat(timeline.hops()).extracting(hop -> hop.records().size()).containsExactly(2, 1);
        assertThat(timeline.hops().getFirst().processingMs()).isEqualTo(-1);
    }

    @Test
    void shouldHaveNoHopsWhenNothingWasSeen() {
        assertThat(Timeline.of(List.of()).hops()).isEmpty();
        assertThat(Timeline.none().totalMs()).isNaN();
    }

    private static HopTrace.Arrival arrival(String topic, double createdMs, double committedMs) {
        return new HopTrace.Arrival(topic, 0, 0, topic, createdMs, createdMs + 1, committedMs);
    }
}
