package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's end-to-end run, all of it real processes: three {@code eventline broker} processes form
 * a KRaft cluster (three replicas, {@code min.insync.replicas} 2) and two {@code eventline service}
 * processes run each group of services against it. While a seeded mix of orders flows through a
 * client that, like a load balancer, sends each request to any process serving its path, one
 * instance of every service is killed with SIGKILL and restarted, and then one broker is. Afterwards
 * the platform's invariants hold exactly (money, stock, one terminal state and one notification per
 * order) and no order acknowledged with 202 is lost.
 *
 * <p>Replay a run's scenario and choice of broker with {@code -Deventline.seed=N}. A failed run keeps
 * every process's data and logs under the path printed first. The long run:
 * {@code ./mvnw -B -pl app -am verify -Dtest=ClusterEndToEndTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dsurefire.excludedGroups=none -Dgroups=soak}.
 */
@Tag("integration")
class ClusterEndToEndTest {
    private static final Duration SETTLE = Duration.ofMinutes(5);
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final List<String> ALL = List.of("customers", "accounts", "inventory", "orders", "shipping",
            "notifications", "analytics", "fraud");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path workDir;

    /**
     * @param groups the services each process runs; every group runs as two processes
     * @param rounds how many times one instance of each service, then one broker, is killed
     * @param ordersPerSecond the client's pace: orders go on before, during and after each kill
     */
    record Plan(int orders, int ordersPerSecond, List<List<String>> groups, int rounds) {
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void shouldKeepEveryInvariantWhenAnInstanceOfEachServiceAndABrokerAreKilledMidFlow() throws Exception {
        clusterRun(new Plan(240, 12, List.of(ALL), 1));
    }

    @Test
    @Tag("soak")
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void shouldKeepEveryInvariantWhenEachServiceRunsAloneAndKillsRecurInALongRun() throws Exception {
        clusterRun(new Plan(3_000, 20, ALL.stream().map(List::of).toList(), 3));
    }

    private void clusterRun(Plan plan) throws Exception {
        long seed = Long.getLong("eventline.seed", System.nanoTime());
        System.out.println("ClusterEndToEndTest " + plan + " seed=" + seed + " (replay with -Deventline.seed=" + seed
                + "); data and logs in " + workDir);
        Scenario scenario = Scenario.generate(seed, Math.max(30, plan.orders() / 10),
                Math.max(10, plan.orders() / 100), plan.orders());
        long began = System.nanoTime();
        try (ProcessCluster cluster = ProcessCluster.start(workDir, plan.groups(), 2);
             ClusterTopics topics = new ClusterTopics(cluster.bootstrapServers())) {
            System.out.println("ClusterEndToEndTest: 3 brokers and " + 2 * plan.groups().size()
                    + " service processes ready in " + since(began));
            TestApi api = cluster.api();
            PlatformRun.setUp(api, scenario);
            ReplicationReport replication = topics.replication(); // before any kill: fewer copies would lose data
            AtomicInteger span = new AtomicInteger(); // even: all up; odd: something was just killed
            try (CrashClient client = CrashClient.start(api, scenario, plan.ordersPerSecond(), span::get)) {
                client.resume();
                List<String> kills = killInRounds(cluster, topics, client, plan, new Random(seed), span);
                client.done().get(SETTLE.toMinutes(), TimeUnit.MINUTES);
                long lastOrder = System.nanoTime();
                PlatformLedger ledger = assertInvariants(api, scenario, client, "seed " + seed);
                System.out.printf("ClusterEndToEndTest seed=%d: %d orders, %d service processes and %d broker(s) "
                                + "killed %s; orders acknowledged per span (even: all up, odd: after a kill) %s, "
                                + "%d requests answered only on a retry; outcomes %s; invariants held %s after the "
                                + "last order, %s in all; %s%n", seed, plan.orders(), plan.rounds() * plan.groups().size(),
                        plan.rounds(), kills, client.ackedPerEpoch(), client.retried(),
                        new TreeMap<>(ledger.outcomes()), since(lastOrder), since(began), replication);
            }
        }
    }

    /**
     * Splits the orders into {@code 2 * rounds + 1} spans; at the end of each span but the last, once
     * its orders are acknowledged, kills one instance of every service, or one broker, and restarts it.
     */
    private static List<String> killInRounds(ProcessCluster cluster, ClusterTopics topics, CrashClient client,
                                             Plan plan, Random random, AtomicInteger span) throws Exception {
        int perSpan = plan.orders() / (2 * plan.rounds() + 1);
        List<String> kills = new ArrayList<>();
        for (int round = 0; round < plan.rounds(); round++) {
            awaitAcknowledged(client, (2 * round + 1) * perSpan);
            int instance = round % 2;
            kills.add(killAndRestart("instance " + (instance + 1) + " of every service", cluster.instance(instance),
                    span));
            awaitAcknowledged(client, (2 * round + 2) * perSpan);
            int node = 1 + random.nextInt(3);
            kills.add(killAndRestart("broker " + node, List.of(cluster.broker(node)), span));
            long caughtUp = System.nanoTime();
            topics.awaitFullyReplicated(PATIENCE); // else the next broker kill could leave a partition one copy
            kills.add("every replica in sync " + since(caughtUp) + " after");
            System.out.println("ClusterEndToEndTest: round " + (round + 1) + " " + kills.subList(kills.size() - 3,
                    kills.size()) + ", " + client.acknowledged().size() + " orders acknowledged so far");
        }
        return kills;
    }

    /** SIGKILLs the processes together, then restarts them together; says how long until they were ready. */
    private static String killAndRestart(String what, List<EventlineProcess> processes, AtomicInteger span)
            throws InterruptedException {
        long killed = System.nanoTime();
        for (EventlineProcess process : processes) {
            process.kill();
        }
        span.incrementAndGet();
        Duration ready = ProcessCluster.startTogether(processes);
        span.incrementAndGet();
        return what + " killed, restarted and ready in " + seconds(ready) + " (" + since(killed) + " after the kill)";
    }

    private static void awaitAcknowledged(CrashClient client, int count) {
        await(count + " orders acknowledged").atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (client.done().isCompletedExceptionally()) {
                client.done().join(); // the client's failure, not a timeout, is the news
            }
            return client.acknowledged().size() >= count;
        });
    }

    private static PlatformLedger assertInvariants(TestApi api, Scenario scenario, CrashClient client, String seed) {
        assertThat(client.acknowledged()).as("%s: every order was acknowledged", seed)
                .hasSize(scenario.orders().size());
        PlatformLedger ledger = new PlatformLedger(api, scenario, client.cancels());
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> ledger.check(seed));
        assertThat(ledger.listOrders().keySet()).as("%s: no acknowledged order is lost", seed)
                .containsAll(client.acknowledged());
        return ledger;
    }

    private static String since(long nanoTime) {
        return seconds(Duration.ofNanos(System.nanoTime() - nanoTime));
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
