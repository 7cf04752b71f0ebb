package io.eventline.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;

/**
 * The minimal saga on raw Kafka at one commit interval, through the same phases as {@link SagaBench}:
 * warmed up, orders one at a time on the idle saga (and one of them traced hop by hop), saturated,
 * then run at half the sustained rate; its topics and groups are deleted at the end.
 */
final class MinimalSagaBench {
    static final int SEQUENTIAL_ORDERS = 20;
    static final Duration ORDER_LIMIT = Duration.ofSeconds(10);

    /**
     * The pause between two orders placed one at a time: two commit intervals, so that every stage's
     * interval since its last commit (the previous order's) has passed and the next order finds the
     * saga idle, as a lone customer's would. Without it, the order placed right after the last one
     * shipped waits out most of the orders stage's interval (measured: 224 ms against ~75 ms at 100 ms).
     */
    static Duration gap(int commitMs) {
        return Duration.ofMillis(2L * commitMs);
    }

    private MinimalSagaBench() {
    }

    static Results.MinimalRun run(Cluster cluster, int commitMs, Plan plan, Progress progress) {
        MinimalTopics topics = MinimalTopics.of(commitMs);
        byte[] payload = Orders.placedEvent(Orders.id("minimal", 0), "c-0", "sku-0");
        cluster.create(topics.all(), Map.of());
        topics.all().forEach(topic -> Clients.warmUp(cluster, topic, payload)); // see Clients.warmUp
        try (MinimalSaga saga = MinimalSaga.start(cluster, topics, commitMs);
             OrderFlow flow = new OrderFlow(cluster, "minimal" + commitMs, Plan.CUSTOMERS, Plan.SKUS,
                     saga.placer(cluster, payload), topics.outcomes())) {
            try {
                flow.warmUp(Plan.WARM_UP_ORDERS, Duration.ofSeconds(60));
            } catch (IllegalStateException e) {
                throw saga.failure().orElse(e);
            }
            SequentialOrders idle = flow.sequential(SEQUENTIAL_ORDERS, gap(commitMs), ORDER_LIMIT);
            progress.note(String.format("one order at a time: median %.1f ms, max %.1f ms", idle.median(),
                    idle.max()));
            Timeline trace = trace(cluster, flow, topics, commitMs);
            long started = System.nanoTime();
            long cpu = ProcessCpu.nanos();
            long placedBefore = flow.placed();
            Throughput burst = flow.saturate(plan.sagaPhase(), Plan.SATURATION_WINDOW);
            flow.awaitDrained(Duration.ofSeconds(60));
            // Nothing runs off the saga's path here: every order placed has shipped once drained.
            Throughput sustained = Throughput.since(flow.placed() - placedBefore, started);
            double cpuMsPerOrder = ProcessCpu.msPerOrder(cpu, sustained.count());
            progress.note(String.format("saturation: %.0f orders/s shipped during the burst, %.0f/s sustained, "
                    + "%.2f ms of CPU per order", burst.perSecond(), sustained.perSecond(), cpuMsPerOrder));
            var before = cluster.endOffsets(topics.all());
            long placedAtRate = flow.placed();
            double rate = Math.max(1, sustained.perSecond() / 2);
            LatencySummary latency = flow.atRate(rate, plan.sagaPhase(), Duration.ofSeconds(30));
            progress.note(String.format("%.0f orders/s: p50 %.1f ms, p99 %.1f ms", rate, latency.p50(),
                    latency.p99()));
            Map<TopicPartition, Long> after = cluster.endOffsets(topics.all());
            RecordsPerOrder records = RecordCounter.count(cluster, before, after, flow.placed() - placedAtRate);
            saga.failure().ifPresent(e -> {
                throw e;
            });
            return new Results.MinimalRun(commitMs, idle, burst, sustained, latency, records, trace, cpuMsPerOrder);
        } finally {
            removeFrom(cluster, topics, commitMs);
        }
    }

    /** Its topics and consumer groups at {@code commitMs}, deleted: the next run starts empty. */
    static void removeFrom(Cluster cluster, MinimalTopics topics, int commitMs) {
        Set<String> groups = cluster.groups().stream().filter(g -> g.startsWith(MinimalSaga.groupPrefix(commitMs)))
                .collect(Collectors.toSet());
        cluster.delete(groups, Set.copyOf(topics.all()));
    }

    /** One more order on the idle saga, followed through every topic. */
    private static Timeline trace(Cluster cluster, OrderFlow flow, MinimalTopics topics, int commitMs) {
        try (HopTrace trace = new HopTrace(cluster, topics.all(), HopTrace.correlatedBy(flow.nextOrderId()),
                HopTrace.Created.BY_PRODUCER)) {
            Pause.of(gap(commitMs));
            flow.sequential(1, Duration.ZERO, ORDER_LIMIT);
            return trace.await(label -> label.endsWith(" order.shipped"), ORDER_LIMIT).orElseGet(Timeline::none);
        }
    }
}
