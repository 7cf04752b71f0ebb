package io.eventline.app;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A three-node KRaft cluster in the test JVM (Kafka's own {@link KafkaClusterTestKit}), each node a
 * broker and a controller, replicating everything three times with {@code min.insync.replicas} 2: one
 * broker may be down and every write still has two in-sync copies.
 *
 * <p>{@link #kill} stops a node's broker without telling the controller (no controlled shutdown), as a
 * crash would: its partitions stay led by it until the controller fences it for missed heartbeats
 * ({@code broker.session.timeout.ms}, 9 s), and only then move. Its log is closed cleanly, though: the
 * test kit has no way to cut a broker's disk writes short. Its controller keeps running, so the quorum
 * keeps three voters.
 */
final class ThreeNodeCluster implements AutoCloseable {
    static final String TRANSACTION_STATE = "__transaction_state";
    static final String CONSUMER_OFFSETS = "__consumer_offsets";
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final Map<String, String> SETTINGS = Map.ofEntries(
            Map.entry("default.replication.factor", "3"),
            Map.entry("min.insync.replicas", "2"),
            Map.entry("offsets.topic.replication.factor", "3"),
            Map.entry("transaction.state.log.replication.factor", "3"),
            Map.entry("transaction.state.log.min.isr", "2"),
            // One partition each: one broker hosts every transaction (and group) coordinator, so killing
            // it moves them all at once, the hardest case for exactly-once; 50 would also slow each start.
            Map.entry("offsets.topic.num.partitions", "1"),
            Map.entry("transaction.state.log.num.partitions", "1"),
            Map.entry("auto.create.topics.enable", "false"),
            Map.entry("unclean.leader.election.enable", "false"),
            Map.entry("group.initial.rebalance.delay.ms", "0"),
            // A stopped broker does not hand its leaderships over first: the cluster sees a crash.
            Map.entry("controlled.shutdown.enable", "false"),
            Map.entry("unstable.api.versions.enable", "false"),
            Map.entry("unstable.feature.versions.enable", "false"));

    private final KafkaClusterTestKit kit;
    private final Admin admin;

    private ThreeNodeCluster(KafkaClusterTestKit kit) {
        this.kit = kit;
        this.admin = Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kit.bootstrapServers()));
    }

    static ThreeNodeCluster start() throws Exception {
        // The test kit defaults to the newest metadata version, still in testing (4.4-IV0 on 4.3.1), and
        // unstable features: run what a production cluster of this release runs instead.
        TestKitNodes nodes = new TestKitNodes.Builder().setCombined(true).setNumControllerNodes(3)
                .setNumBrokerNodes(3).setBootstrapMetadataVersion(MetadataVersion.latestProduction()).build();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
        SETTINGS.forEach(builder::setConfigProp);
        KafkaClusterTestKit kit = builder.build();
        try {
            kit.format();
            startControllersFirst(kit);
            kit.waitForReadyBrokers();
            return new ThreeNodeCluster(kit);
        } catch (Exception e) {
            kit.close();
            throw e;
        }
    }

    /**
     * The test kit's own {@code startup()} starts every controller and broker at once; a node's broker
     * and controller share one raft client, and whichever starts it first gives it its listeners, none
     * if the broker wins. Then the node asks the raft leader to record no endpoint for it, is refused
     * (INVALID_REQUEST), and its raft thread dies: seen on two of three nodes here. The controllers go
     * first, as in {@code KafkaRaftServer}.
     */
    private static void startControllersFirst(KafkaClusterTestKit kit) {
        CompletableFuture.allOf(kit.controllers().values().stream()
                .map(controller -> CompletableFuture.runAsync(controller::startup)).toArray(CompletableFuture[]::new))
                .join();
        CompletableFuture.allOf(kit.brokers().values().stream()
                .map(broker -> CompletableFuture.runAsync(broker::startup)).toArray(CompletableFuture[]::new))
                .join();
    }

    String bootstrapServers() {
        return kit.bootstrapServers();
    }

    Admin admin() {
        return admin;
    }

    /** The node ids, ascending. */
    List<Integer> nodes() {
        return kit.brokers().keySet().stream().sorted().toList();
    }

    /** Stops a node's broker at once, without a controlled shutdown; its controller stays. */
    void kill(int node) {
        BrokerServer broker = kit.brokers().get(node);
        broker.shutdown();
        broker.awaitShutdown();
    }

    /** Starts a killed broker again on its own log dirs and port. */
    void restart(int node) {
        kit.brokers().get(node).startup();
    }

    /** Waits until the controller has fenced {@code node}: the other brokers now lead its partitions. */
    void awaitFenced(int node) {
        await("broker " + node + " fenced").atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> healthy() && !liveBrokers().contains(node));
    }

    /** Waits until every partition of every topic has all three replicas in sync again. */
    void awaitFullyReplicated() {
        await("every replica back in sync").atMost(PATIENCE).pollInterval(Duration.ofMillis(250))
                .until(() -> healthy() && underReplicated().isEmpty());
    }

    /**
     * @return true, or throws the first fatal fault a node met (the test kit records them instead of
     *     halting the JVM): a dead raft thread must fail the run as such, not as a timeout later
     */
    boolean healthy() {
        kit.fatalFaultHandler().maybeRethrowFirstException();
        return true;
    }

    /** The broker leading partition 0 of {@code topic}; for the one-partition internal topics, their coordinator. */
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
    public void close() throws Exception {
        admin.close(Duration.ofSeconds(5));
        kit.close();
    }
}
