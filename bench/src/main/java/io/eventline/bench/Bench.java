package io.eventline.bench;

import io.eventline.app.EventlineConfig;
import io.eventline.app.broker.EmbeddedBroker;
import io.eventline.orders.OrdersService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One bench run: raw Kafka, the command hop, the rebuild, the minimal saga on raw Kafka and Eventline's
 * saga on one embedded broker (started
 * here as {@code ./eventline run} starts its own), then a cold start of {@code ./eventline run}.
 * Everything lives in a temporary directory, deleted at the end.
 */
final class Bench {
    static final String RAW = "bench.raw";

    private final Plan plan;
    private final Progress progress;
    private final Settings settings = new Settings();

    Bench(Plan plan, Progress progress) {
        this.plan = plan;
        this.progress = progress;
    }

    Results run() {
        Machine machine = Machine.now();
        progress.phase("load average " + machine.loadBefore() + " on " + machine.cores() + " cores");
        BenchSettings.describe(settings, plan);
        Path dir = createTempDirectory();
        try {
            progress.phase("starting the broker");
            Results.Raw raw;
            Results.Hop hop;
            Results.Rebuild rebuild;
            List<Results.MinimalRun> minimal;
            List<Results.SagaRun> sagas;
            Optional<Results.Tracing> tracing;
            try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("broker"), "127.0.0.1", 0);
                 Cluster cluster = new Cluster(broker.bootstrapServers())) {
                raw = raw(cluster, dir);
                hop = hop(cluster, dir, raw);
                progress.phase("projection rebuild");
                rebuild = RebuildBench.run(cluster, plan.rebuildEvents(), dir.resolve("rebuild"), progress);
                minimal = minimal(cluster);
                sagas = sagas(cluster, dir);
                tracing = tracing(cluster, dir);
            }
            progress.phase("cold start of ./eventline run");
            Results.ColdStart cold = ColdStart.run(dir.resolve("cold-start"), Duration.ofMinutes(2),
                    plan.idleSettle(), plan.idleWindow(), progress);
            return new Results(machine.withLoadAfter(), settings, raw, hop, minimal, sagas, tracing, rebuild, cold);
        } finally {
            delete(dir);
        }
    }

    private Results.Raw raw(Cluster cluster, Path dir) {
        byte[] event = Orders.placedEvent(Orders.id("raw", 0), "c-0", "sku-0");
        settings.put("record size", event.length + " B (an order.placed envelope, value only)");
        cluster.create(RAW, "bench.transactional.out", "bench.latency", "bench.count.out");
        progress.phase("raw: idempotent producer");
        Throughput producer = RawProducer.run(cluster, RAW, event, plan.throughput(), progress);
        progress.phase("raw: transactional read-process-write loop");
        Throughput transactional = RawTransactionalLoop.run(cluster, RAW, "bench.transactional.out",
                Plan.COMMIT_MS, plan.throughput(), progress);
        progress.phase("raw: producer → consumer latency");
        LatencySummary latency = RawLatency.run(cluster, "bench.latency", event.length, Plan.LATENCY_RATE,
                plan.latency(), progress);
        progress.phase("raw: hand-written Kafka Streams count, warm-up (untimed)");
        StreamsCount.warmUp(cluster, RAW, "bench.count.out", dir.resolve("streams-count-warm-up"), Plan.COMMIT_MS,
                Plan.WARM_UP_WINDOW, plan.warmUpCap(), progress);
        progress.phase("raw: hand-written Kafka Streams count");
        Throughput streams = StreamsCount.run(cluster, RAW, "bench.count.out", dir.resolve("streams-count"),
                Plan.COMMIT_MS, plan.throughput(), progress);
        return new Results.Raw(producer, transactional, latency, streams);
    }

    private Results.Hop hop(Cluster cluster, Path dir, Results.Raw raw) {
        var aggregate = CommandHop.renamed(OrdersService.AGGREGATE, CommandHop.AGGREGATE);
        CommandHop.createTopics(cluster, aggregate, CommandHop.Guarantee.values());
        // Enough commands that the hop cannot run out before its time is up: it is no faster than Streams.
        int commands = (int) Math.min(3_000_000, Math.max(20_000,
                raw.streams().perSecond() * plan.throughput().toMillis() / 1000.0 * 1.2));
        progress.phase(String.format("command hop: writing %,d commands", commands));
        settings.put("command size", CommandHop.fill(cluster, commands) + " B (a PlaceOrder command envelope)");
        CommandHop hop = new CommandHop(cluster, dir.resolve("hop"), Plan.COMMIT_MS);
        HandWrittenHop.createTopics(cluster);
        progress.phase("command hop: warm-up, each guarantee and the same job by hand (untimed)");
        String warmUpCommands = hop.warmUp(Plan.HOP_WARM_UP_COMMANDS, Plan.WARM_UP_WINDOW, plan.warmUpCap(), progress);
        HandWrittenHop.warmUp(cluster, warmUpCommands, dir.resolve("hand-written-hop-warm-up"), Plan.COMMIT_MS,
                Plan.WARM_UP_WINDOW, plan.warmUpCap(), progress);
        Measured exactlyOnce = measure(hop, CommandHop.Guarantee.EXACTLY_ONCE);
        Throughput handWritten = handWritten(cluster, aggregate.commandTopic(), dir);
        // One window of a few seconds on a shared machine moved by up to 2x from one hop to the next (6
        // December, 21:43 UTC: the hand-written hop steady at 45,209/s warming up, 20,875/s measured right
        // after): the hop and its floor run twice each, in turn, and the faster run of each counts.
        progress.phase("command hop, exactly-once, again");
        Throughput exactlyOnceAgain = hop.throughput(CommandHop.Guarantee.EXACTLY_ONCE, plan.throughput(), progress);
        Throughput handWrittenAgain = handWritten(cluster, aggregate.commandTopic(), dir);
        Measured atLeastOnce = measure(hop, CommandHop.Guarantee.AT_LEAST_ONCE);
        return new Results.Hop(faster(exactlyOnce.throughput(), exactlyOnceAgain), exactlyOnce.latency(),
                atLeastOnce.throughput(), atLeastOnce.latency(), faster(handWritten, handWrittenAgain));
    }

    private Throughput handWritten(Cluster cluster, String commands, Path dir) {
        progress.phase("command hop's job written by hand on Kafka Streams, exactly-once");
        return HandWrittenHop.run(cluster, commands, dir.resolve("hand-written-hop"), Plan.COMMIT_MS,
                plan.throughput(), progress);
    }

    private static Throughput faster(Throughput one, Throughput other) {
        return one.perSecond() >= other.perSecond() ? one : other;
    }

    private record Measured(Throughput throughput, LatencySummary latency) {
    }

    /** Throughput, then latency at half of it (at most {@link Plan#LATENCY_RATE}). */
    private Measured measure(CommandHop hop, CommandHop.Guarantee guarantee) {
        progress.phase("command hop, " + guarantee.label());
        Throughput throughput = hop.throughput(guarantee, plan.throughput(), progress);
        double rate = Math.min(Plan.LATENCY_RATE, Math.max(1, throughput.perSecond() / 2));
        return new Measured(throughput, hop.latency(guarantee, rate, plan.latency(), progress));
    }

    /** The floor each saga run is held to: the minimal saga at each of the runs' commit intervals. */
    private List<Results.MinimalRun> minimal(Cluster cluster) {
        List<Results.MinimalRun> runs = new ArrayList<>();
        for (int commitMs : plan.sagaCommitIntervals()) {
            progress.phase("minimal saga on raw Kafka, commit " + commitMs + " ms");
            runs.add(MinimalSagaBench.run(cluster, commitMs, plan, progress));
        }
        return runs;
    }

    private List<Results.SagaRun> sagas(Cluster cluster, Path dir) {
        for (EventlineConfig.Saga style : EventlineConfig.Saga.values()) {
            progress.phase("warming the JVM up: order saga, " + style.name().toLowerCase() + ", untimed");
            SagaBench.warmUpJvm(cluster, style, dir.resolve("jvm-warm-up-" + style.name().toLowerCase()), progress);
        }
        List<Results.SagaRun> runs = new ArrayList<>();
        for (EventlineConfig.Saga style : EventlineConfig.Saga.values()) {
            for (int commitMs : plan.sagaCommitIntervals()) {
                String name = style.name().toLowerCase();
                progress.phase("order saga, " + name + ", commit " + commitMs + " ms");
                runs.add(SagaBench.run(cluster, style, commitMs, plan, dir.resolve("saga-" + name + "-" + commitMs),
                        progress));
            }
        }
        return runs;
    }

    /**
     * The first saga run three more times, back to back once the JVM is warm (the first runs of a
     * bench are its coldest): no trace headers, the headers (the default), spans exported too.
     */
    private Optional<Results.Tracing> tracing(Cluster cluster, Path dir) {
        EventlineConfig.Saga style = EventlineConfig.Saga.values()[0];
        int commitMs = plan.sagaCommitIntervals().getFirst();
        String run = "order saga, " + style.name().toLowerCase() + ", commit " + commitMs + " ms, ";
        try (OtlpSink sink = OtlpSink.start()) {
            settings.put("tracing", "the first saga run three more times, back to back: without trace headers, "
                    + "with them (the default), and with --otlp-endpoint " + sink.endpoint() + " (a sink in the "
                    + "bench that reads and drops each batch; OpenTelemetry's SDK, batched)");
            progress.phase(run + "no trace headers");
            Results.SagaRun off = SagaBench.run(cluster, style, commitMs, plan, dir.resolve("saga-untraced"),
                    progress, EventlineConfig.Telemetry.OFF);
            progress.phase(run + "trace headers");
            Results.SagaRun headers = SagaBench.run(cluster, style, commitMs, plan, dir.resolve("saga-headers"),
                    progress, EventlineConfig.Telemetry.HEADERS_ONLY);
            progress.phase(run + "spans exported over OTLP/HTTP");
            Results.SagaRun exported = SagaBench.run(cluster, style, commitMs, plan, dir.resolve("saga-traced"),
                    progress, new EventlineConfig.Telemetry(Optional.of(sink.endpoint())));
            progress.note(String.format("%,d span batches, %,d bytes exported", sink.posts(), sink.bytes()));
            return Optional.of(new Results.Tracing(off, headers, exported, sink.posts(), sink.bytes()));
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("eventline-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the bench's temporary directory", e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("bench: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
