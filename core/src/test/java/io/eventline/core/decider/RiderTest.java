package io.eventline.core.decider;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class RiderTest {
    @Test
    void shouldTravelInAHeaderThatTakingItOffRemoves() {
        Rider rider = new Rider("purchase-saga", "{\"phase\":\"RUNNING\"}".getBytes(StandardCharsets.UTF_8));
        Headers headers = rider.stamp(new RecordHeaders().add("traceparent", new byte[] {1}));

        Rider taken = Rider.takeFrom(headers);

        assertThat(taken).isEqualTo(rider);
        assertThat(headers.lastHeader(Rider.HEADER)).as("no dead letter or output can copy it").isNull();
        assertThat(headers.lastHeader("traceparent")).as("the other headers stay").isNotNull();
        assertThat(Rider.takeFrom(headers)).isNull();
    }

    @Test
    void shouldPutItsStateBesideTheSnapshotKeepingTheOthers() {
        SnapshotEntry entry = SnapshotEntry.read(null).withSnapshot(new byte[] {'{', '}'}).withRider("other", new byte[] {2});

        SnapshotEntry ridden = new Rider("purchase-saga", new byte[] {7}).onto(entry);

        assertThat(ridden.snapshot()).containsExactly('{', '}');
        assertThat(ridden.rider("purchase-saga")).containsExactly(7);
        assertThat(ridden.rider("other")).containsExactly(2);
    }
}
