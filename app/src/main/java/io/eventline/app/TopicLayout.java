package io.eventline.app;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's topics as the cluster has them: partitions per topic, replicas per partition and
 * {@code min.insync.replicas}. Printed at start, since the last two come from the cluster's defaults
 * (or from whoever pre-created the topics), not from Eventline. Where topics differ, each value found.
 */
record TopicLayout(SortedSet<Integer> partitions, SortedSet<Integer> replicas, SortedSet<String> minInsyncReplicas) {
    private static final Logger LOG = LoggerFactory.getLogger(TopicLayout.class);
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration PAUSE = Duration.ofMillis(100);

    /** The layout found, or why it is not known ({@code text}), for the banner and the AsyncAPI document. */
    record Described(Optional<TopicLayout> layout, String text) {
    }

    /**
     * The layout as the cluster has it, or why it is not known. Never fails a start for want of a line:
     * a topic just created may be unknown a moment to the broker asked, so it asks again for a few
     * seconds, then gives up saying so.
     */
    static Described describe(Map<String, Object> clientSettings, Collection<String> topics) {
        Properties props = new Properties();
        props.putAll(clientSettings);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try (Admin admin = Admin.create(props)) {
            while (true) {
                try {
                    TopicLayout layout = read(admin, topics);
                    return new Described(Optional.of(layout), layout.toString());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                        LOG.warn("Cannot describe the topics: {}", e.getCause().getMessage());
                        return new Described(Optional.empty(), "not described: " + e.getCause().getMessage());
                    }
                    Thread.sleep(PAUSE.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing the topics", e);
        }
    }

    private static TopicLayout read(Admin admin, Collection<String> topics)
            throws ExecutionException, InterruptedException {
        Collection<TopicDescription> described = admin.describeTopics(topics).allTopicNames().get().values();
        List<ConfigResource> resources = topics.stream()
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
        Collection<Config> configs = admin.describeConfigs(resources).all().get().values();
        return of(described, configs.stream()
                .map(config -> config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).toList());
    }

    static TopicLayout of(Collection<TopicDescription> topics, Collection<String> minInsyncReplicas) {
        return new TopicLayout(
                topics.stream().map(topic -> topic.partitions().size()).collect(Collectors.toCollection(TreeSet::new)),
                topics.stream().flatMap(topic -> topic.partitions().stream()).map(p -> p.replicas().size())
                        .collect(Collectors.toCollection(TreeSet::new)),
                new TreeSet<>(minInsyncReplicas));
    }

    /** The replicas per partition, when every partition has as many. */
    Optional<Integer> replication() {
        return replicas.size() == 1 ? Optional.of(replicas.first()) : Optional.empty();
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
