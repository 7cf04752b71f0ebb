package io.eventline.core.decider;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SnapshotEntryTest {
    private static final byte[] SNAPSHOT = "{\"version\":3,\"state\":{}}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SAGA = "{\"phase\":\"RUNNING\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldStoreASnapshotWithoutRidersAsTheSnapshotAloneWhenWriting() {
        assertThat(SnapshotEntry.EMPTY.withSnapshot(SNAPSHOT).bytes()).isEqualTo(SNAPSHOT);
        assertThat(SnapshotEntry.read(SNAPSHOT).snapshot()).as("a value written before riders").isEqualTo(SNAPSHOT);
        assertThat(SnapshotEntry.snapshotOf(SNAPSHOT)).isSameAs(SNAPSHOT);
        assertThat(SnapshotEntry.read(null)).isEqualTo(SnapshotEntry.EMPTY);
        assertThat(SnapshotEntry.EMPTY.bytes()).as("nothing to store").isNull();
    }

    @Test
    void shouldReadBackTheSnapshotAndEachRiderWhenRiding() {
        byte[] stored = SnapshotEntry.EMPTY.withRider("saga", SAGA).withSnapshot(SNAPSHOT).withRider("other", new byte[0])
                .bytes();

        SnapshotEntry read = SnapshotEntry.read(stored);
        assertThat(stored[0]).as("no JSON starts so").isZero();
        assertThat(read.snapshot()).isEqualTo(SNAPSHOT);
        assertThat(read.rider("saga")).isEqualTo(SAGA);
        assertThat(read.rider("other")).isEmpty();
        assertThat(read.rider("none")).isNull();
        assertThat(SnapshotEntry.snapshotOf(stored)).isEqualTo(SNAPSHOT);
        assertThat(read.withRider("other", null).withRider("saga", null).bytes()).as("riders gone: the snapshot alone")
                .isEqualTo(SNAPSHOT);
    }

    @Test
    void shouldKeepARiderWithoutSnapshotBeforeTheAggregatesFirstEvent() {
        SnapshotEntry read = SnapshotEntry.read(SnapshotEntry.EMPTY.withRider("saga", SAGA).bytes());

        assertThat(read.snapshot()).isNull();
        assertThat(SnapshotEntry.snapshotOf(SnapshotEntry.EMPTY.withRider("saga", SAGA).bytes())).isNull();
        assertThat(read.rider("saga")).isEqualTo(SAGA);
    }
}
