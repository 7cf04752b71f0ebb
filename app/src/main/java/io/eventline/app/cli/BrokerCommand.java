package io.eventline.app.cli;

import io.eventline.app.broker.EmbeddedBroker;
import io.eventline.app.broker.ListenerGuard;
import io.eventline.app.broker.Quorum;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./eventline broker}: only a Kafka broker, until Ctrl-C. Alone by default; with
 * {@code --node-id} and {@code --controllers}, one node of a KRaft cluster whose other nodes run as
 * other processes, each with its own data dir and the same {@code --controllers} list.
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Runs only a Kafka broker (KRaft, broker and controller in one): alone, or one node of a "
                + "cluster with --node-id and --controllers. Every option also reads EVENTLINE_<OPTION>.")
final class BrokerCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "${env:EVENTLINE_BROKER_PORT:-9092}", description = "the broker's port for clients (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", defaultValue = "${env:EVENTLINE_BROKER_HOST:-127.0.0.1}", description = "the address the broker listens on and advertises (default ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--data-dir", defaultValue = "${env:EVENTLINE_DATA_DIR:-./data}", description = "the broker's data, under <data-dir>/kafka (default ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--node-id", defaultValue = "${env:EVENTLINE_NODE_ID}", description = "this node's id in --controllers")
    Integer nodeId;

    @Option(names = "--controllers", defaultValue = "${env:EVENTLINE_CONTROLLERS}", description = "every node of the cluster as id@host:port of its controller, e.g. 1@127.0.0.1:19093,2@127.0.0.1:19094,3@127.0.0.1:19095")
    String controllers;

    @Option(names = "--broker-config", defaultValue = "${env:EVENTLINE_BROKER_CONFIG}", description = "a properties file of broker settings applied over the node's own: SASL or TLS listeners (listeners, advertised.listeners, listener.security.protocol.map, sasl.*, ssl.*)")
    Path brokerConfig;

    @Option(names = "--trusted-network", defaultValue = "${env:EVENTLINE_TRUSTED_NETWORK:-false}", description = "let a listener beyond loopback go without SASL or TLS: every host that reaches it may read and write every topic")
    boolean trustedNetwork;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Quorum quorum = quorum();
        Map<String, String> overrides = brokerSettings();
        refuseUnguardedListeners(quorum, overrides);
        long startedAt = System.nanoTime();
        EmbeddedBroker broker = EmbeddedBroker.start(dataDir, host, port, quorum, overrides);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("eventline-broker-shutdown").unstarted(() -> {
            broker.close();
            stopped.countDown();
        }));
        spec.commandLine().getOut().printf("Kafka broker %s ready in %.1f s%n  bootstrap  %s%n  cluster id %s%n"
                        + "  topics     %s unless created with their own%n  data       %s%nCtrl-C stops it.%n",
                quorum == null ? "(a node alone)" : "node " + quorum.nodeId() + " of " + quorum.size(),
                (System.nanoTime() - startedAt) / 1e9, broker.bootstrapServers(), broker.clusterId(),
                broker.topicDefaults(),
                dataDir.toAbsolutePath().normalize());
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }

    /** As {@code run --bind} refuses to listen beyond loopback without a token. */
    private void refuseUnguardedListeners(Quorum quorum, Map<String, String> overrides) {
        List<String> unguarded = ListenerGuard.unguardedBeyondLoopback(host, port, quorum, overrides);
        if (!unguarded.isEmpty() && !trustedNetwork) {
            throw new CommandLine.ParameterException(spec.commandLine(), String.join(", ", unguarded)
                    + " would listen beyond this machine without authentication: any host reaching it could "
                    + "write the event log. Give SASL or TLS listeners in --broker-config FILE, or say with "
                    + "--trusted-network (EVENTLINE_TRUSTED_NETWORK=true) that every host on this network may");
        }
    }

    private Map<String, String> brokerSettings() {
        if (brokerConfig == null) {
            return Map.of();
        }
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(brokerConfig)) {
            props.load(in);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--broker-config: cannot read " + brokerConfig + ": " + e.getMessage(), e);
        }
        Map<String, String> settings = new HashMap<>();
        props.stringPropertyNames().forEach(name -> settings.put(name, props.getProperty(name)));
        return settings;
    }

    private Quorum quorum() {
        boolean hasControllers = controllers != null && !controllers.isBlank();
        if ((nodeId == null) != !hasControllers) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--node-id and --controllers go together: a node of a cluster needs both");
        }
        try {
            return nodeId == null ? null : Quorum.parse(nodeId, controllers);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
