package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Checks that every topic on the cluster, Eventline's own, Kafka Streams' changelogs and repartition
 * topics, and Kafka's internal ones, has three replicas per partition and {@code min.insync.replicas}
 * 2: none was created with a replication factor of its own. Counts what it checked, so that a check
 * over nothing shows.
 */
record ReplicationReport(int topics, int partitions, int changelogs, int repartitions) {

    static ReplicationReport check(ThreeNodeCluster cluster) throws InterruptedException {
        return check(cluster.describeAll(), cluster.admin());
    }

    /** @param topics every topic of the cluster, internal ones included */
    static ReplicationReport check(Map<String, TopicDescription> topics, Admin admin) throws InterruptedException {
        int partitions = 0;
        for (TopicDescription topic : topics.values()) {
            for (var partition : topic.partitions()) {
                assertThat(partition.replicas()).as("replicas of %s-%d", topic.name(), partition.partition())
                        .hasSize(3);
                partitions++;
            }
        }
        minInsyncReplicas(admin, topics.keySet().stream().toList()).forEach((topic, value) ->
                assertThat(value).as("min.insync.replicas of %s", topic).isEqualTo("2"));
        return new ReplicationReport(topics.size(), partitions, count(topics, "-changelog"),
                count(topics, "-repartition"));
    }

    private static Map<String, String> minInsyncReplicas(Admin admin, List<String> topics)
            throws InterruptedException {
        List<ConfigResource> resources = topics.stream()
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
        try {
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
            return configs.entrySet().stream().collect(java.util.stream.Collectors.toMap(e -> e.getKey().name(),
                    e -> e.getValue().get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()));
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe the topics' configs", e.getCause());
        }
    }

    private static int count(Map<String, TopicDescription> topics, String suffix) {
        return (int) topics.keySet().stream().filter(name -> name.endsWith(suffix)).count();
    }

    @Override
    public String toString() {
        return topics + " topics (" + changelogs + " changelogs, " + repartitions + " repartition), " + partitions
                + " partitions, each 3 replicas and min.insync.replicas 2";
    }
}
