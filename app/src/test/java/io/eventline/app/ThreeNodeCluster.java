package io.eventline.app;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * A three-node KRaft cluster of {@code eventline broker} processes, as {@code scripts/cluster.sh} runs
 * it (each node a broker and a controller, replication 3, {@code min.insync.replicas} 2): one node may
 * be down and every write still has two in-sync copies. The project's own nodes, not Kafka's test kit:
 * the kit needs the clients' test jar, which Kafka 4.4.0 does not publish.
 *
 * <p>{@link #kill} is SIGKILL: the node's broker and controller die without a controlled shutdown and
 * without flushing their logs, as in a crash. Its partitions stay led by it until the controller quorum
 * (two voters left) fences it for missed heartbeats, and only then move; {@link #restart} starts the
 * node again on its own data dir and ports, where it recovers its log.
 */
final class ThreeNodeCluster implements AutoCloseable {
    static final String TRANSACTION_STATE = "__transaction_state";
    static final String CONSUMER_OFFSETS = "__consumer_offsets";
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final ProcessCluster nodes;
    private final Admin admin;
    private final Set<Integer> killed = new HashSet<>();

    private ThreeNodeCluster(ProcessCluster nodes) {
        this.nodes = nodes;
        this.admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, nodes.bootstrapServers()));
    }

    /** Starts three broker processes, each with its data dir under {@code workDir}; returns once all are ready. */
    static ThreeNodeCluster start(Path workDir) throws IOException {
        return new ThreeNodeCluster(ProcessCluster.start(workDir, List.of(), 0));
    }

    String bootstrapServers() {
        return nodes.bootstrapServers();
    }

    Admin admin() {
        return admin;
    }

    /** The node ids, ascending. */
    List<Integer> nodes() {
        return List.of(1, 2, 3);
    }

    /** SIGKILL of the node's process, broker and controller at once; returns once it is gone. */
    synchronized void kill(int node) {
        nodes.broker(node).kill();
        killed.add(node);
    }

    /** Starts a killed node again on its own data dir and ports; returns once it is ready. */
    synchronized void restart(int node) {
        try {
            nodes.broker(node).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot restart node " + node, e);
        }
        killed.remove(node);
    }

    /** Waits until the controller has fenced {@code node}: the other brokers now lead its partitions. */
    void awaitFenced(int node) {
        await("broker " + node + " fenced").atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions().until(() -> healthy() && !liveBrokers().contains(node));
    }

    /** Waits until every partition of every topic has all three replicas in sync again. */
    void awaitFullyReplicated() {
        await("every replica back in sync").atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> healthy() && underReplicated().isEmpty());
    }

    /** @return true, or throws naming a node that died by itself (not killed by the test), with its log */
    synchronized boolean healthy() {
        for (int node : nodes()) {
            EventlineProcess process = nodes.broker(node);
            if (!killed.contains(node) && !process.alive()) {
                throw new IllegalStateException("node " + node + " died by itself; log " + process.lastLog() + ":\n"
                        + EventlineProcess.tail(process.lastLog()));
            }
        }
        return true;
    }

    /** The broker leading partition 0 of {@code topic}. */
    int leaderOf(String topic) throws InterruptedException {
        return describe(Set.of(topic)).get(topic).partitions().getFirst().leader().id();
    }

    /** The partitions of {@code topic} that {@code node} leads. */
    List<Integer> partitionsLedBy(String topic, int node) throws InterruptedException {
        return describe(Set.of(topic)).get(topic).partitions().stream()
                .filter(p -> p.leader() != null && p.leader().id() == node).map(TopicPartitionInfo::partition)
                .toList();
    }

    /** Every topic of the cluster, internal ones included, described. */
    Map<String, TopicDescription> describeAll() throws InterruptedException {
        try {
            return describe(admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get());
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list topics", e.getCause());
        }
    }

    /** The transactional ids whose transaction has been open for longer than {@code age}, or why it is unknown. */
    String transactionsOpenLongerThan(Duration age) {
        try {
            return admin.listTransactions(new ListTransactionsOptions().filterOnDuration(age.toMillis())).all()
                    .get(10, TimeUnit.SECONDS).stream()
                    .map(t -> t.transactionalId() + " (" + t.state() + ")").toList().toString();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return "unknown: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown: interrupted";
        }
    }

    private List<String> underReplicated() throws InterruptedException {
        List<String> lagging = new ArrayList<>();
        describeAll().values().forEach(topic -> topic.partitions().stream()
                .filter(p -> p.leader() == null || p.isr().size() < 3)
                .forEach(p -> lagging.add(topic.name() + "-" + p.partition())));
        return lagging;
    }

    private Set<Integer> liveBrokers() throws InterruptedException, ExecutionException {
        return admin.describeCluster().nodes().get().stream().map(Node::id).collect(Collectors.toSet());
    }

    private Map<String, TopicDescription> describe(Set<String> topics) throws InterruptedException {
        try {
            return admin.describeTopics(topics).allTopicNames().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe " + topics, e.getCause());
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
        nodes.close();
    }
}
