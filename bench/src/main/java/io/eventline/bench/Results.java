package io.eventline.bench;

import java.util.List;
import java.util.Optional;

/** Every figure of one bench run. */
record Results(Machine machine, Settings settings, Raw raw, Hop hop, List<MinimalRun> minimal, List<SagaRun> sagas,
               Optional<Tracing> tracing, Rebuild rebuild, ColdStart coldStart) {
    Results {
        minimal = List.copyOf(minimal);
        sagas = List.copyOf(sagas);
    }

    /** The minimal saga's run at the commit interval of {@code saga}, or else the first one. */
    Optional<MinimalRun> minimalFor(SagaRun saga) {
        return minimal.stream().filter(run -> run.commitMs() == saga.commitMs()).findFirst()
                .or(() -> minimal.stream().findFirst());
    }

    /**
     * The cost of tracing: the saga in the first style at the first commit interval three more times,
     * back to back on a warm JVM: without trace headers ({@code off}), with them (the default), and
     * with every hop's spans sent over OTLP/HTTP to a sink in the bench ({@code exported}).
     *
     * @param posts the sink's requests, {@code bytes} their bodies (protobuf)
     */
    record Tracing(SagaRun off, SagaRun headers, SagaRun exported, long posts, long bytes) {
    }

    /** Kafka on its own: the ceilings. */
    record Raw(Throughput producer, Throughput transactional, LatencySummary latency, Throughput streams) {
    }

    /**
     * One aggregate command hop on the decider runtime, exactly-once and at-least-once; and the same
     * job written by hand on Kafka Streams ({@link HandWrittenHop}), exactly-once.
     */
    record Hop(Throughput exactlyOnce, LatencySummary exactlyOnceLatency, Throughput atLeastOnce,
               LatencySummary atLeastOnceLatency, Throughput handWritten) {
    }

    /**
     * The whole order saga in one style at one commit interval: orders one at a time through the REST
     * API on the idle platform ({@code idle}) and one followed hop by hop ({@code trace}), orders
     * shipped per second during a burst ({@code burst}), orders per second the whole platform keeps up
     * with ({@code saturation}), and latency at half the latter, with that phase's hops timed per step
     * ({@code loadedHops}).
     */
    record SagaRun(String style, int commitMs, SequentialOrders idle, Timeline trace, Throughput burst,
                   Throughput saturation, LatencySummary halfRate, RecordsPerOrder records, double cpuMsPerOrder,
                   List<LoadedHops.Step> loadedHops) {
    }

    /**
     * The minimal saga on raw Kafka (the floor) at one commit interval, through the same phases: one
     * order at a time, one order's hops, saturation (burst, and sustained = orders placed ÷ time until
     * the last shipped) and latency at half the sustained rate.
     */
    record MinimalRun(int commitMs, SequentialOrders idle, Throughput burst, Throughput sustained,
                      LatencySummary halfRate, RecordsPerOrder records, Timeline trace, double cpuMsPerOrder) {
    }

    /** A read model rebuilt from offset 0, and a plain consumer reading the same topic. */
    record Rebuild(Throughput rebuild, Throughput rawConsumer) {
    }

    /**
     * {@code ./eventline run} on an empty data dir, from process start to its ready line; then what it
     * costs at rest, what the embedded broker alone costs on the same data, and what the minimal saga
     * with its embedded broker costs at rest (the design's floor: {@link MinimalAtRest}).
     *
     * @param seconds the first start, which records the JVM's AOT cache as the launcher has it do (JDK 25+)
     * @param withAotCache a second start on another empty data dir, the JVM loading from that cache, as
     *     every start after a user's first; null before JDK 25 (no such cache)
     */
    record ColdStart(double seconds, double reportedSeconds, Start withAotCache, AtRest idle, IdleCost brokerAlone,
                     AtRest minimalAtRest) {
        /** What the cold-start target measures: the start a user has every time but the first after a build. */
        double targetSeconds() {
            return withAotCache == null ? seconds : withAotCache.seconds();
        }
    }

    /**
     * A process at rest: its first start (recording the JVM's AOT cache from JDK 25), and a later start
     * with that cache (null before JDK 25), whose JIT has less left to compile a minute in.
     */
    record AtRest(IdleCost first, IdleCost withAotCache) {
        /** What the idle targets judge: as the cold start, the start a user has every time but the first. */
        IdleCost target() {
            return withAotCache == null ? first : withAotCache;
        }
    }

    /** A start: process start → ready line, and what the process says it took. */
    record Start(double seconds, double reportedSeconds) {
    }
}
