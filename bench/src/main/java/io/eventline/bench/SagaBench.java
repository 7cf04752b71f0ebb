package io.eventline.bench;

import io.eventline.app.EventlineConfig;
import io.eventline.contracts.orders.OrderContracts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The whole order saga in one style at one commit interval: the platform started in-process, set up,
 * warmed up, orders one at a time through the REST API on the idle platform (and one more followed hop
 * by hop), saturated (completed orders/s), then run at half that rate (latency placed → shipped), and
 * what that half-rate phase wrote counted per order and timed hop by hop ({@link LoadedHops}).
 */
final class SagaBench {
    private SagaBench() {
    }

    static Results.SagaRun run(Cluster cluster, EventlineConfig.Saga saga, int commitMs, Plan plan, Path dataDir,
                               Progress progress) {
        return run(cluster, saga, commitMs, plan, dataDir, progress, EventlineConfig.Telemetry.HEADERS_ONLY);
    }

    /** @param telemetry where spans go: nowhere by default, a sink to measure their cost */
    static Results.SagaRun run(Cluster cluster, EventlineConfig.Saga saga, int commitMs, Plan plan, Path dataDir,
                               Progress progress, EventlineConfig.Telemetry telemetry) {
        String style = saga.name().toLowerCase();
        try (Platform platform = Platform.start(cluster, saga, commitMs, dataDir, progress, telemetry)) {
            progress.note("platform ready");
            SagaSetup.run(platform.httpPort(), Plan.CUSTOMERS, Plan.SKUS);
            try (OrderFlow flow = new OrderFlow(cluster, style.substring(0, 5) + commitMs, Plan.CUSTOMERS,
                    Plan.SKUS)) {
                flow.warmUp(Plan.WARM_UP_ORDERS, Duration.ofSeconds(60));
                settle(cluster, flow, commitMs, progress);
                SequentialOrders idle = new RestOrders(platform.httpPort()).sequential("idle-" + style + commitMs,
                        MinimalSagaBench.SEQUENTIAL_ORDERS, Plan.CUSTOMERS, Plan.SKUS, MinimalSagaBench.gap(commitMs),
                        MinimalSagaBench.ORDER_LIMIT);
                progress.note(String.format("one order at a time through REST: median %.0f ms, max %.0f ms%s",
                        idle.median(), idle.max(), idle.failed() > 0 ? ", " + idle.failed() + " not shipped" : ""));
                Timeline trace = trace(cluster, flow, commitMs);
                settle(cluster, flow, commitMs, progress);
                Saturation saturation = saturate(cluster, flow, commitMs, plan, progress);
                var before = cluster.endOffsets(cluster.topics());
                long placedBefore = flow.placed();
                double rate = Math.max(1, saturation.sustained().perSecond() / 2);
                LatencySummary latency = flow.atRate(rate, plan.sagaPhase(), Duration.ofSeconds(30));
                progress.note(String.format("%.0f orders/s: p50 %.0f ms, p99 %.0f ms", rate, latency.p50(),
                        latency.p99()));
                settle(cluster, flow, commitMs, progress);
                var after = cluster.endOffsets(cluster.topics());
                LoadedHops hops = new LoadedHops();
                RecordsPerOrder records = RecordCounter.count(cluster, before, after, flow.placed() - placedBefore,
                        hops::accept);
                progress.note(String.format("%.1f records per order", records.perOrder()));
                return new Results.SagaRun(style, commitMs, idle, trace, saturation.burst(), saturation.sustained(),
                        latency, records, saturation.cpuMsPerOrder(), hops.steps());
            }
        }
    }

    /**
     * A platform in {@code saga}'s style run untimed before the measured ones, so that they all run on
     * a warm JVM. Why: each run's own warm-up goes through the gateway, never through REST, and leaves
     * the JIT still compiling: in one bench (5 December) the first run took 7.3 ms of CPU per order at
     * saturation and 153 ms per idle order through REST, the same settings run later 3.1–3.8 ms and
     * 69–82 ms. Rounds of orders through the gateway, then orders one after another through REST.
     */
    static void warmUpJvm(Cluster cluster, EventlineConfig.Saga saga, Path dataDir, Progress progress) {
        String style = saga.name().toLowerCase();
        try (Platform platform = Platform.start(cluster, saga, Plan.COMMIT_MS, dataDir, progress,
                EventlineConfig.Telemetry.HEADERS_ONLY)) {
            SagaSetup.run(platform.httpPort(), Plan.CUSTOMERS, Plan.SKUS);
            try (OrderFlow flow = new OrderFlow(cluster, "jvm-" + style.substring(0, 5), Plan.CUSTOMERS, Plan.SKUS)) {
                for (int round = 0; round < Plan.JVM_WARM_UP_ROUNDS; round++) {
                    flow.warmUp(Plan.WARM_UP_ORDERS, Duration.ofSeconds(60));
                }
            }
            new RestOrders(platform.httpPort()).sequential("jvm-rest-" + style, Plan.JVM_WARM_UP_REST_ORDERS,
                    Plan.CUSTOMERS, Plan.SKUS, Duration.ZERO, MinimalSagaBench.ORDER_LIMIT);
        }
    }

    /**
     * One order on the idle platform, followed through every topic but the stores' changelogs and
     * repartition topics (written in the same transactions as the records they follow), up to the
     * {@code order.shipped} the bench waits for. Streams stamps an output with its input's timestamp,
     * so a record counts as created when it was first seen uncommitted.
     */
    private static Timeline trace(Cluster cluster, OrderFlow flow, int commitMs) {
        List<String> topics = cluster.topics().stream().filter(topic -> !topic.startsWith("bench.")
                && TopicKind.of(topic) != TopicKind.CHANGELOG && TopicKind.of(topic) != TopicKind.REPARTITION)
                .sorted().toList();
        try (HopTrace trace = new HopTrace(cluster, topics, HopTrace.correlatedBy(flow.nextOrderId()),
                HopTrace.Created.FIRST_SEEN)) {
            Pause.of(MinimalSagaBench.gap(commitMs));
            flow.sequential(1, Duration.ZERO, MinimalSagaBench.ORDER_LIMIT);
            return trace.await(label -> label.equals(OrderContracts.TOPIC + " order.shipped"),
                    MinimalSagaBench.ORDER_LIMIT).orElseGet(Timeline::none);
        }
    }

    /**
     * Orders with {@link Plan#SATURATION_WINDOW} in flight: the rate at which they ship during the
     * burst, and the sustained rate, every order placed ÷ the time until the platform stopped writing.
     * The second counts the work off the saga's path (notifications, read models, analytics, fraud),
     * which falls behind during the burst and is done after it: that is the rate the platform keeps up.
     */
    private record Saturation(Throughput burst, Throughput sustained, double cpuMsPerOrder) {
    }

    private static Saturation saturate(Cluster cluster, OrderFlow flow, int commitMs, Plan plan,
                                         Progress progress) {
        long started = System.nanoTime();
        long cpu = ProcessCpu.nanos();
        long placedBefore = flow.placed();
        Throughput burst = flow.saturate(plan.sagaPhase(), Plan.SATURATION_WINDOW);
        Settling settling = settled(cluster, flow, commitMs, progress);
        long done = settling.quiet().map(Quiet.Settled::lastWrite).orElseGet(System::nanoTime);
        Throughput sustained = new Throughput(flow.placed() - placedBefore, Duration.ofNanos(done - started));
        // Until settled: the work off the saga's path counts, and the few seconds of quiet waited out add
        // only the idle platform's cost.
        double cpuMsPerOrder = ProcessCpu.msPerOrder(cpu, sustained.count());
        progress.note(String.format("saturation: %.0f orders/s shipped during the burst, %.0f/s sustained "
                + "(%,d orders, all work done in %.1f s), %.2f ms of CPU per order", burst.perSecond(),
                sustained.perSecond(), sustained.count(), sustained.seconds(), cpuMsPerOrder));
        progress.note(settling.describe(started));
        return new Saturation(burst, sustained, cpuMsPerOrder);
    }

    /**
     * Every order placed has ended, and the services after the end have done their part.
     *
     * @return when the platform last wrote (now, if it had not stopped within 30 s)
     */
    private static long settle(Cluster cluster, OrderFlow flow, int commitMs, Progress progress) {
        return settled(cluster, flow, commitMs, progress).quiet().map(Quiet.Settled::lastWrite)
                .orElseGet(System::nanoTime);
    }

    /** When the last order ended, and when writing stopped (empty if not within 30 s). */
    private record Settling(long drained, Optional<Quiet.Settled> quiet) {
        /** Where the phase's time went after its orders: the topics written last (the parts that finished last). */
        String describe(long started) {
            String last = quiet.map(settled -> settled.last(4).stream()
                    .map(topic -> String.format("%s at %.1f s", topic.getKey(), seconds(topic.getValue() - started)))
                    .collect(Collectors.joining(", "))).orElse("still writing");
            return String.format("every order ended at %.1f s; written last: %s", seconds(drained - started), last);
        }
    }

    private static Settling settled(Cluster cluster, OrderFlow flow, int commitMs, Progress progress) {
        if (!flow.awaitDrained(Duration.ofSeconds(60))) {
            progress.note("some orders had not ended a minute after the phase");
        }
        long drained = System.nanoTime();
        Duration stable = Duration.ofMillis(Math.max(1_000, 5L * commitMs));
        var quiet = Quiet.await(cluster, stable, Duration.ofSeconds(30));
        if (quiet.isEmpty()) {
            progress.note("the platform was still writing 30 s after the phase");
        }
        return new Settling(drained, quiet);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
