package io.eventline.app;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The platform's topics as the cluster has them: partitions per topic, replicas per partition and
 * {@code min.insync.replicas}. Printed at start, since the last two come from the cluster's defaults
 * (or from whoever pre-created the topics), not from Eventline. Where topics differ, each value found.
 */
record TopicLayout(SortedSet<Integer> partitions, SortedSet<Integer> replicas, SortedSet<String> minInsyncReplicas) {

    static TopicLayout read(Map<String, Object> clientSettings, Collection<String> topics) {
        Properties props = new Properties();
        props.putAll(clientSettings);
        try (Admin admin = Admin.create(props)) {
            Collection<TopicDescription> described = admin.describeTopics(topics).allTopicNames().get().values();
            List<ConfigResource> resources = topics.stream()
                    .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
            Collection<Config> configs = admin.describeConfigs(resources).all().get().values();
            return of(described, configs.stream()
                    .map(config -> config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).toList());
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe the topics: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing the topics", e);
        }
    }

    static TopicLayout of(Collection<TopicDescription> topics, Collection<String> minInsyncReplicas) {
        return new TopicLayout(
                topics.stream().map(topic -> topic.partitions().size()).collect(Collectors.toCollection(TreeSet::new)),
                topics.stream().flatMap(topic -> topic.partitions().stream()).map(p -> p.replicas().size())
                        .collect(Collectors.toCollection(TreeSet::new)),
                new TreeSet<>(minInsyncReplicas));
    }

    /** E.g. {@code 6 partitions, replication 3, min.insync.replicas 2}. */
    @Override
    public String toString() {
        return values(partitions) + " partitions, replication " + values(replicas) + ", min.insync.replicas "
                + values(minInsyncReplicas);
    }

    private static String values(SortedSet<?> found) {
        return found.stream().map(String::valueOf).collect(Collectors.joining(" or "));
    }
}
