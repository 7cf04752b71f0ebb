package io.eventline.core.projection;

import io.eventline.core.kafka.SharedAdmin;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far a projection version's consumer group has read its topics, from the cluster's offsets. */
final class ProjectionLag implements AutoCloseable {
    private final Admin admin;

    ProjectionLag(Map<String, Object> clientSettings) {
        this.admin = SharedAdmin.lease(clientSettings); // the process's one admin client
    }

    /** Events committed as read by the group, summed over the projection's topics. */
    long consumed(Projection<?> projection, int version) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(
                projection.applicationId(version)).partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream().filter(e -> projection.topics().contains(e.getKey().topic()))
                .filter(e -> e.getValue() != null).mapToLong(e -> e.getValue().offset()).sum();
    }

    /** The end offsets of the projection's topics, summed. */
    long end(Projection<?> projection) throws ExecutionException, InterruptedException {
        var partitions = admin.describeTopics(projection.topics()).allTopicNames().get().values().stream()
                .flatMap(topic -> topic.partitions().stream()
                        .map(p -> new TopicPartition(topic.name(), p.partition())))
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        return admin.listOffsets(partitions).all().get().values().stream().mapToLong(o -> o.offset()).sum();
    }

    /** Deletes what a retired version left in the cluster: its changelog and repartition topics. */
    void deleteInternalTopics(Projection<?> projection, int version) throws ExecutionException, InterruptedException {
        String prefix = projection.applicationId(version) + "-";
        var topics = admin.listTopics().names().get().stream().filter(name -> name.startsWith(prefix)).toList();
        if (!topics.isEmpty()) {
            admin.deleteTopics(topics).all().get();
        }
        // The retired group's offsets are left to expire (offsets.retention.minutes): a member that did
        // not leave on close keeps the group non-empty until its session times out.
    }

    @Override
    public void close() {
        admin.close();
    }
}
