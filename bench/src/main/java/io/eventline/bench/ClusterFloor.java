package io.eventline.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The minimal saga alone against an existing cluster ({@code ./eventline bench --minimal-on H:P,…}):
 * the floor that {@code scripts/cluster-bench.sh} holds Eventline's three-broker figures to. Its topics
 * take the cluster's default replication (three brokers as {@code cluster.sh} starts them: 3, min.insync
 * 2), as Eventline's do. The same phases as in the bench, but at the paced rates asked for (the cluster
 * target's rate among them) rather than at half of its own saturation, since a paced load is what
 * cluster-bench gives Eventline. The bench's process CPU is left out: the brokers are other processes.
 */
final class ClusterFloor {
    record Paced(double rate, LatencySummary latency) {
    }

    record Run(String bootstrap, int commitMs, SequentialOrders idle, Throughput burst, Throughput sustained,
               List<Paced> paced) {
    }

    private ClusterFloor() {
    }

    static Run run(String bootstrap, int commitMs, List<Double> rates, Plan plan, Progress progress) {
        MinimalTopics topics = MinimalTopics.of(commitMs);
        byte[] payload = Orders.placedEvent(Orders.id("minimal", 0), "c-0", "sku-0");
        try (Cluster cluster = new Cluster(bootstrap)) {
            progress.phase("minimal saga on " + bootstrap + ", commit " + commitMs + " ms");
            cluster.create(topics.all(), Map.of());
            topics.all().forEach(topic -> Clients.warmUp(cluster, topic, payload)); // see Clients.warmUp
            try (MinimalSaga saga = MinimalSaga.start(cluster, topics, commitMs);
                 OrderFlow flow = new OrderFlow(cluster, "minimal" + commitMs, Plan.CUSTOMERS, Plan.SKUS,
                         saga.placer(cluster, payload), topics.outcomes())) {
                flow.warmUp(Plan.WARM_UP_ORDERS, Duration.ofSeconds(60));
                SequentialOrders idle = flow.sequential(MinimalSagaBench.SEQUENTIAL_ORDERS,
                        MinimalSagaBench.gap(commitMs), MinimalSagaBench.ORDER_LIMIT);
                progress.note(String.format("one order at a time: median %.1f ms, max %.1f ms", idle.median(),
                        idle.max()));
                long started = System.nanoTime();
                long placedBefore = flow.placed();
                Throughput burst = flow.saturate(plan.sagaPhase(), Plan.SATURATION_WINDOW);
                flow.awaitDrained(Duration.ofSeconds(60));
                Throughput sustained = Throughput.since(flow.placed() - placedBefore, started);
                progress.note(String.format("saturation: %.0f orders/s sustained", sustained.perSecond()));
                List<Paced> paced = new ArrayList<>();
                for (double rate : rates) {
                    LatencySummary latency = flow.atRate(rate, plan.sagaPhase(), Duration.ofSeconds(30));
                    progress.note(String.format("%.0f orders/s: p50 %.1f ms, p99 %.1f ms", rate, latency.p50(),
                            latency.p99()));
                    paced.add(new Paced(rate, latency));
                }
                saga.failure().ifPresent(e -> {
                    throw e;
                });
                return new Run(bootstrap, commitMs, idle, burst, sustained, paced);
            } finally {
                MinimalSagaBench.removeFrom(cluster, topics, commitMs);
            }
        }
    }

    static void print(Run run, Plan plan, PrintStream out) {
        out.printf("# The minimal saga on %s (the floor on this cluster)%n", run.bootstrap());
        out.printf("settings: commit every %d ms, the cluster's default replication, %d partitions per topic, "
                        + "phases of %d s; otherwise as ./eventline bench's minimal saga%n", run.commitMs(),
                Cluster.PARTITIONS, plan.sagaPhase().toSeconds());
        out.printf("one order at a time: median %.1f ms, max %.1f ms%n", run.idle().median(), run.idle().max());
        out.printf("sustained: %.0f orders/s (%.0f shipped/s in a burst)%n", run.sustained().perSecond(),
                run.burst().perSecond());
        out.println("| paced rate | p50 | p99 | p99.9 | max | failed |");
        out.println("|---|---|---|---|---|---|");
        for (Paced paced : run.paced()) {
            LatencySummary l = paced.latency();
            out.printf("| %.0f/s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %d |%n", paced.rate(), l.p50(), l.p99(),
                    l.p999(), l.max(), l.failed());
        }
    }
}
