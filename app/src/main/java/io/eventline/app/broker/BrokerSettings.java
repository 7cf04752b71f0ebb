package io.eventline.app.broker;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The broker properties of an embedded node: one process that is both broker and controller, alone
 * (sized for one machine) or one of a cluster's nodes (replicated three ways where there are three). Kafka's documented property names are used as literals: they are the
 * stable contract, the Java constants for them move between Kafka's internal packages.
 *
 * @param overrides applied last, so a caller can change any of these (or add others)
 */
record BrokerSettings(Path logDir, String host, int brokerPort, Quorum quorum, Map<String, String> overrides) {

    static final int NODE_ID = 1;
    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String MIB_64 = Integer.toString(64 * 1024 * 1024);
    private static final String MIB_32 = Integer.toString(32 * 1024 * 1024);

    BrokerSettings {
        overrides = Map.copyOf(overrides);
    }

    /** Where clients connect: {@code host:port}, with an IPv6 literal in brackets. */
    String bootstrapServers() {
        return hostPort(host, brokerPort);
    }

    Properties toProperties() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.putAll(node());
        settings.putAll(storage());
        settings.putAll(quorum.size() == 1 ? singleReplica() : replicated(quorum.size()));
        settings.putAll(overrides);
        Properties properties = new Properties();
        properties.putAll(settings);
        return properties;
    }

    int controllerPort() {
        return quorum.self().port();
    }

    private Map<String, String> node() {
        String controller = hostPort(quorum.self().host(), quorum.self().port());
        return Map.of(
                "process.roles", "broker,controller",
                "node.id", Integer.toString(quorum.nodeId()),
                // A static quorum: the voters' addresses live in this config, not in the metadata
                // log, so a lone node may use a new controller port at each start.
                "controller.quorum.voters", quorum.votersProperty(),
                "controller.listener.names", CONTROLLER_LISTENER,
                "listeners", BROKER_LISTENER + "://" + bootstrapServers() + "," + CONTROLLER_LISTENER + "://" + controller,
                "advertised.listeners", BROKER_LISTENER + "://" + bootstrapServers(),
                "listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT",
                "inter.broker.listener.name", BROKER_LISTENER);
    }

    private Map<String, String> storage() {
        return Map.of(
                "log.dirs", logDir.toString(),
                "metadata.log.dir", logDir.toString(),
                // Compaction and deletion work on closed segments only: the default 1 GiB segment
                // would leave a small compacted state topic uncompacted for ever.
                "log.segment.bytes", MIB_64,
                // The event log is the system of record: never delete by age, nor by size, which
                // would drop a stream's oldest events, the ones current state is folded from. Topics
                // holding disposable data set retention.ms / retention.bytes when created; Streams
                // purges its own repartition topics.
                "log.retention.ms", "-1",
                "log.retention.bytes", "-1",
                // The cleaner's key map is allocated up front (default 128 MiB of heap). 32 MiB maps
                // ~1.3 M keys per pass; a larger backlog is compacted in more passes, not less well.
                "log.cleaner.dedupe.buffer.size", MIB_32,
                // Topics are created on purpose, with their partitions and configs; a typo in a
                // client must fail, not create a topic.
                "auto.create.topics.enable", "false");
    }

    // One node: every replication factor and ISR is 1. Internal topics default to 50 partitions
    // each, which slows every start and litters the data dir for no gain on one machine.
    private static Map<String, String> singleReplica() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("num.partitions", "1");
        settings.put("default.replication.factor", "1");
        settings.put("min.insync.replicas", "1");
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("offsets.topic.num.partitions", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("transaction.state.log.num.partitions", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("share.coordinator.state.topic.num.partitions", "1");
        // No peers to wait for: the first member's rebalance needs no 3 s grace period.
        settings.put("group.initial.rebalance.delay.ms", "0");
        // Restarted after a kill, the broker may register only once its killed incarnation's session
        // has expired: 9 s by default, all spent waiting. Its heartbeats never leave this process.
        settings.put("broker.session.timeout.ms", "4000");
        settings.put("broker.heartbeat.interval.ms", "1000");
        // Sized for the one machine it shares with the services (2 cores here): Kafka's defaults (8
        // request handlers, 3 network threads per listener, 10 background threads) are for a
        // dedicated server, and 21 of their threads would sit idle beside the platform's own.
        settings.put("num.io.threads", "2");
        settings.put("num.network.threads", "1");
        settings.put("background.threads", "2");
        // The controller appends a no-op record to the metadata log every 500 ms at rest (KIP-835), so
        // that brokers see a live quorum; each one goes through the log, the raft layer and the
        // metadata loader. A lone node has no other broker to tell: every 5 s costs it a quarter less
        // CPU at rest (an idle broker, A/B on this machine: 229 → 166 and 339 → 265 CPU ticks in 90 s).
        settings.put("metadata.max.idle.interval.ms", "5000");
        return settings;
    }

    // Three copies where there are three nodes, and a write needs two of them: one node may be
    // lost without losing an acknowledged record or stopping writes.
    private static Map<String, String> replicated(int nodes) {
        String replicas = Integer.toString(Math.min(3, nodes));
        String inSync = Integer.toString(Math.min(3, nodes) - 1);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("default.replication.factor", replicas);
        settings.put("min.insync.replicas", inSync);
        settings.put("offsets.topic.replication.factor", replicas);
        settings.put("transaction.state.log.replication.factor", replicas);
        settings.put("transaction.state.log.min.isr", inSync);
        settings.put("share.coordinator.state.topic.replication.factor", replicas);
        settings.put("share.coordinator.state.topic.min.isr", inSync);
        return settings;
    }

    private static String hostPort(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
