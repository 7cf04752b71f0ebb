package io.eventline.bench;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** The broker every phase measures on, as an admin sees it: topics, their end offsets, groups' offsets. */
final class Cluster implements AutoCloseable {
    /** Eventline's, so that the floor and the ceilings run on the layout Eventline runs on. */
    static final int PARTITIONS = io.eventline.app.Eventline.PARTITIONS;

    private final String bootstrap;
    private final Admin admin;

    Cluster(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties props = new Properties();
        props.putAll(clientSettings());
        this.admin = Admin.create(props);
    }

    String bootstrap() {
        return bootstrap;
    }

    Map<String, Object> clientSettings() {
        return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    }

    /**
     * Creates the topics with {@link #PARTITIONS} partitions each, leaving existing ones, and waits until
     * every partition has a leader: a producer that writes into a partition not yet led gets its first
     * batch refused while the next ones arrive, and with transactions v2 the broker then refuses those
     * too as out of order (it holds no state for the producer, KAFKA-18202), which stalled a producer
     * on one partition until its delivery timeout.
     */
    void create(Collection<String> topics, Map<String, String> configs) {
        createOnly(topics, configs);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!led(topics)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("partitions of " + topics + " still had no leader 30 s on");
            }
            Pause.of(Duration.ofMillis(50));
        }
    }

    private boolean led(Collection<String> topics) {
        try {
            return admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .allMatch(topic -> topic.partitions().size() == PARTITIONS && topic.partitions().stream()
                            .allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false; // created, but not yet in the broker's metadata
            }
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    private void createOnly(Collection<String> topics, Map<String, String> configs) {
        List<NewTopic> created = topics.stream()
                .map(name -> new NewTopic(name, Optional.of(PARTITIONS), Optional.empty()).configs(configs)).toList();
        try {
            admin.createTopics(created).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + topics + ": " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    void create(String... topics) {
        create(List.of(topics), Map.of());
    }

    /** The topics clients write to: Kafka's own ({@code __consumer_offsets}, …) left out. */
    Set<String> topics() {
        return get(admin.listTopics().names()).stream().filter(name -> !name.startsWith("__"))
                .collect(Collectors.toSet());
    }

    Set<String> groups() {
        return get(admin.listGroups().all()).stream().map(group -> group.groupId()).collect(Collectors.toSet());
    }

    Map<TopicPartition, Long> endOffsets(Collection<String> topics) {
        if (topics.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        get(admin.describeTopics(topics).allTopicNames()).values().forEach(topic -> topic.partitions()
                .forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = get(admin.listOffsets(latest).all());
        return ends.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    long endOffset(String topic) {
        return endOffsets(List.of(topic)).values().stream().mapToLong(Long::longValue).sum();
    }

    /** The offsets {@code group} committed in {@code topic}, summed over its partitions. */
    long committed(String group, String topic) {
        Map<TopicPartition, OffsetAndMetadata> offsets =
                get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    /** Deletes groups and topics (a platform run's), and waits until the topics are gone. */
    void delete(Set<String> groups, Set<String> topics) {
        groups.forEach(this::deleteGroup);
        if (!topics.isEmpty()) {
            get(admin.deleteTopics(topics).all());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (topics().stream().anyMatch(topics::contains)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics still there a minute after their deletion: " + topics);
            }
            Pause.of(Duration.ofMillis(100));
        }
    }

    /**
     * Deletes a group; one that still has members (a static member's leave may not have landed) has
     * them removed first, else the next run's members would wait out their sessions.
     */
    private void deleteGroup(String group) {
        try {
            admin.deleteConsumerGroups(Set.of(group)).all().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return;
            }
            if (!(e.getCause() instanceof GroupNotEmptyException)) {
                throw new IllegalStateException("cannot delete group " + group + ": " + e.getCause().getMessage(), e);
            }
            get(admin.removeMembersFromConsumerGroup(group, new RemoveMembersFromConsumerGroupOptions()).all());
            get(admin.deleteConsumerGroups(Set.of(group)).all());
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    static IllegalStateException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new IllegalStateException("interrupted", e);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
