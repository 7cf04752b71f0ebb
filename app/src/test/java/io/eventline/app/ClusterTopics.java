package io.eventline.app;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;

/** What a cluster of broker processes holds, seen through an admin client. */
final class ClusterTopics implements AutoCloseable {
    private final Admin admin;

    ClusterTopics(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Every partition led and all its replicas in sync: a broker that restarted has caught up. */
    void awaitFullyReplicated(Duration patience) {
        // A describe may fail while a broker is down or just back: ask again.
        await("every replica in sync").atMost(patience).pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsInstanceOf(IllegalStateException.class)
                .until(() -> underReplicated().isEmpty());
    }

    /** Three replicas and {@code min.insync.replicas} 2 everywhere, internal topics included. */
    ReplicationReport replication() throws InterruptedException {
        return ReplicationReport.check(describeAll(), admin);
    }

    private List<String> underReplicated() throws InterruptedException {
        List<String> lagging = new ArrayList<>();
        describeAll().values().forEach(topic -> topic.partitions().stream()
                .filter(p -> p.leader() == null || p.isr().size() < p.replicas().size())
                .forEach(p -> lagging.add(topic.name() + "-" + p.partition())));
        return lagging;
    }

    private Map<String, TopicDescription> describeAll() throws InterruptedException {
        try {
            return admin.describeTopics(admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get())
                    .allTopicNames().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe the cluster's topics", e.getCause());
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
