package io.eventline.app.broker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until the broker can create a topic, through a client on its advertised address, and lists
 * itself among the cluster's brokers: that proves the listener answers, a controller is active and
 * this node is registered and unfenced.
 */
final class Readiness {

    private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);

    private static final NewTopic PROBE = new NewTopic("eventline.broker-readiness-probe", 1, (short) 1);
    private static final Duration PAUSE = Duration.ofMillis(100);

    private final String bootstrapServers;
    private final int nodeId;

    Readiness(String bootstrapServers, int nodeId) {
        this.bootstrapServers = bootstrapServers;
        this.nodeId = nodeId;
    }

    /** @throws IllegalStateException if not ready within {@code timeout}, with the last refusal */
    void await(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "eventline-broker-readiness"))) {
            Exception lastRefusal = null;
            for (int attempt = 1; System.nanoTime() < deadline; attempt++) {
                try {
                    probe(admin, deadline);
                    requireRegistered(admin, deadline);
                    LOG.debug("Broker on {} ready after {} probe(s)", bootstrapServers, attempt);
                    return;
                } catch (NotYet e) {
                    lastRefusal = e;
                    pause();
                }
            }
            throw new IllegalStateException("not ready after " + timeout.toSeconds() + " s"
                    + (lastRefusal == null ? "" : ": " + lastRefusal.getMessage()), lastRefusal);
        }
    }

    // validateOnly: the controller runs every check of a real creation and creates nothing.
    private static void probe(Admin admin, long deadline) throws NotYet {
        long remaining = Math.max(1, deadline - System.nanoTime());
        try {
            admin.createTopics(List.of(PROBE), new CreateTopicsOptions().validateOnly(true))
                    .all().get(remaining, TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return; // someone created the probe's name: the checks ran all the same
            }
            // Fenced or not yet registered: "only 0 broker(s) are registered".
            if (e.getCause() instanceof RetriableException || e.getCause() instanceof InvalidReplicationFactorException) {
                throw new NotYet(e.getCause());
            }
            throw new IllegalStateException("topic creation refused: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new NotYet(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }

    // Another node's registration is enough for the probe; clients of this one need this one's.
    private void requireRegistered(Admin admin, long deadline) throws NotYet {
        long remaining = Math.max(1, deadline - System.nanoTime());
        try {
            boolean registered = admin.describeCluster().nodes().get(remaining, TimeUnit.NANOSECONDS).stream()
                    .anyMatch(node -> node.id() == nodeId);
            if (!registered) {
                throw new NotYet(new IllegalStateException("node " + nodeId + " is not registered yet"));
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new NotYet(e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }

    // A bounded pause between two probes of a condition, not a wait in place of one.
    private static void pause() {
        try {
            Thread.sleep(PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }

    private static final class NotYet extends Exception {
        NotYet(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
