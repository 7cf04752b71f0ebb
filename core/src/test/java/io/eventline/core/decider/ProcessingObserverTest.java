package io.eventline.core.decider;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.core.decider.Counters.Add;
import io.eventline.core.decider.Counters.Added;
import io.eventline.core.decider.Counters.Counter;
import io.eventline.core.decider.Counters.CounterCommand;
import io.eventline.core.decider.Counters.CounterEvent;
import io.eventline.core.decider.Counters.ReachedTen;
import io.eventline.core.metrics.ProcessingObserver;
import io.eventline.core.testing.DeciderDriver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decider tells the observer the application gave it what it answered and what it appended. */
class ProcessingObserverTest {
    private static final Instant T1 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-11-22T11:00:00Z");

    private record Processed(String applicationId, Instant at) {
    }

    private record Appended(String topic, Instant created, Instant at, List<?> events) {
    }

    private final List<Processed> processed = new CopyOnWriteArrayList<>();
    private final List<Appended> appended = new CopyOnWriteArrayList<>();
    private final ProcessingObserver observer = new ProcessingObserver() {
        @Override
        public void processed(String applicationId, long timestampMs) {
            processed.add(new Processed(applicationId, Instant.ofEpochMilli(timestampMs)));
        }

        @Override
        public void appended(String topic, Instant created, Instant at, List<?> events) {
            appended.add(new Appended(topic, created, at, List.copyOf(events)));
        }
    };
    private final DeciderDriver<CounterCommand, Counter, CounterEvent> driver =
            new DeciderDriver<>(Counters.AGGREGATE, Map.of(ProcessingObserver.CONFIG, observer));

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void shouldReportEachCommandAndTheEventsItAppendedWhenObserved() {
        driver.send("c1", new Add(4), T1);
        driver.send("c1", new Add(6), T2);

        assertThat(processed).containsExactly(new Processed("test-counters", T1), new Processed("test-counters", T2));
        assertThat(appended).containsExactly(
                new Appended("counters.events", T1, T1, List.of(new Added(4))),
                new Appended("counters.events", T1, T2, List.of(new Added(6), new ReachedTen())));
    }

    @Test
    void shouldReportARefusedCommandAsProcessedWithNothingAppendedWhenRejected() {
        driver.send("c1", new Add(0), T1);

        assertThat(processed).containsExactly(new Processed("test-counters", T1));
        assertThat(appended).isEmpty();
    }

    @Test
    void shouldNameTheServiceTheDeciderWasAddedForWhenTheApplicationComposesSeveral(@TempDir Path stateDir) {
        try (DeciderDriver<CounterCommand, Counter, CounterEvent> composed = new DeciderDriver<>(Counters.AGGREGATE,
                Map.of(ProcessingObserver.CONFIG, observer, StreamsConfig.STATE_DIR_CONFIG, stateDir.toString()),
                "ledger")) {
            composed.send("c1", new Add(4), T1);
        }

        assertThat(processed).as("not the application, test-counters").containsExactly(new Processed("ledger", T1));
    }

    @Test
    void shouldNotReportARecordWhenItIsDeadLettered() {
        driver.sendRaw("c1", "garbage".getBytes(StandardCharsets.UTF_8), T1);

        assertThat(processed).isEmpty();
        assertThat(appended).isEmpty();
    }

    @Test
    void shouldKeepWhenTheAggregateBeganWhenItsSnapshotIsStored() {
        driver.send("c1", new Add(4), T1);
        driver.send("c1", new Add(1), T2);

        assertThat(driver.queries().current("c1").orElseThrow().created()).isEqualTo(T1);
    }

    @Test
    void shouldTakeTheLastEventsTimeAsCreatedWhenASnapshotPredatesIt() {
        byte[] old = "{\"version\":2,\"timestamp\":\"2026-11-22T11:00:00.000Z\",\"state\":{\"value\":5}}"
                .getBytes(StandardCharsets.UTF_8);

        Snapshot<Counter> read = new SnapshotCodec<>(Counter.class).read(old);

        assertThat(read).isEqualTo(new Snapshot<>(new Counter(5), 2, T2, T2));
    }
}
