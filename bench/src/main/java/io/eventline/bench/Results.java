package io.eventline.bench;

import java.util.List;

/** Every figure of one bench run. */
record Results(Machine machine, Settings settings, Raw raw, Hop hop, List<SagaRun> sagas, Rebuild rebuild,
               ColdStart coldStart) {
    Results {
        sagas = List.copyOf(sagas);
    }

    /** Kafka on its own: the ceilings. */
    record Raw(Throughput producer, Throughput transactional, LatencySummary latency, Throughput streams) {
    }

    /** One aggregate command hop on the decider runtime, exactly-once and at-least-once. */
    record Hop(Throughput exactlyOnce, LatencySummary exactlyOnceLatency, Throughput atLeastOnce,
               LatencySummary atLeastOnceLatency) {
    }

    /**
     * The whole order saga in one style at one commit interval: orders shipped per second during a
     * burst ({@code burst}), orders per second the whole platform keeps up with ({@code saturation}),
     * and latency at half the latter.
     */
    record SagaRun(String style, int commitMs, Throughput burst, Throughput saturation, LatencySummary halfRate,
                   RecordsPerOrder records) {
    }

    /** A read model rebuilt from offset 0, and a plain consumer reading the same topic. */
    record Rebuild(Throughput rebuild, Throughput rawConsumer) {
    }

    /** {@code ./eventline run} on an empty data dir, from process start to its ready line. */
    record ColdStart(double seconds, double reportedSeconds) {
    }
}
