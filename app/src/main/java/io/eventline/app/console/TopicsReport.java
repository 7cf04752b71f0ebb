package io.eventline.app.console;

import io.eventline.http.ApiException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * {@code GET /api/topics}: every topic of the cluster but Kafka's own, with its partitions, their end
 * offsets (the high watermark: under exactly-once a committed transaction's marker takes an offset
 * too) and their size on the leader's disk. Kafka Streams' changelog and repartition topics are
 * marked {@code internal}. A size the cluster does not tell (no describe-log-dirs permission) is null.
 */
final class TopicsReport {
    record Topic(String topic, boolean internal, long endOffset, Long size, List<Partition> partitions) {
    }

    record Partition(int partition, long endOffset, Long size, Integer leader) {
    }

    private TopicsReport() {
    }

    static List<Topic> read(Admin admin) throws InterruptedException {
        Set<String> names = AdminCalls.get(admin.listTopics().names(), "list its topics");
        Map<String, TopicDescription> topics = AdminCalls.get(admin.describeTopics(names).allTopicNames(),
                "describe its topics");
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        topics.values().forEach(topic -> topic.partitions()
                .forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResultInfo> ends = AdminCalls.get(admin.listOffsets(latest).all(),
                "list its end offsets");
        Map<TopicPartition, Long> sizes = sizes(admin, topics.values());
        List<Topic> report = new ArrayList<>();
        for (TopicDescription topic : topics.values()) {
            List<Partition> partitions = topic.partitions().stream()
                    .sorted(Comparator.comparingInt(TopicPartitionInfo::partition))
                    .map(p -> partition(topic.name(), p, ends, sizes)).toList();
            long endOffset = partitions.stream().mapToLong(Partition::endOffset).sum();
            Long size = partitions.stream().anyMatch(p -> p.size() == null) ? null
                    : partitions.stream().mapToLong(Partition::size).sum();
            report.add(new Topic(topic.name(), isInternal(topic.name()), endOffset, size, partitions));
        }
        report.sort(Comparator.comparing(Topic::topic));
        return report;
    }

    static boolean isInternal(String topic) {
        return topic.endsWith("-changelog") || topic.endsWith("-repartition");
    }

    private static Partition partition(String topic, TopicPartitionInfo info,
                                       Map<TopicPartition, ListOffsetsResultInfo> ends, Map<TopicPartition, Long> sizes) {
        TopicPartition tp = new TopicPartition(topic, info.partition());
        ListOffsetsResultInfo end = ends.get(tp);
        Node leader = info.leader();
        return new Partition(info.partition(), end == null ? 0 : end.offset(), sizes.get(tp),
                leader == null ? null : leader.id());
    }

    /** Each partition's size in its leader's log directory; none when the cluster will not say. */
    private static Map<TopicPartition, Long> sizes(Admin admin, Collection<TopicDescription> topics)
            throws InterruptedException {
        Map<TopicPartition, Integer> leaders = new HashMap<>();
        topics.forEach(topic -> topic.partitions().stream().filter(p -> p.leader() != null)
                .forEach(p -> leaders.put(new TopicPartition(topic.name(), p.partition()), p.leader().id())));
        Set<Integer> brokers = Set.copyOf(leaders.values());
        Map<Integer, Map<String, LogDirDescription>> dirs;
        try {
            dirs = AdminCalls.get(admin.describeLogDirs(brokers).allDescriptions(), "describe its log directories");
        } catch (ApiException e) {
            return Map.of(); // sizes are a nicety: the rest of the report stands without them
        }
        Map<TopicPartition, Long> sizes = new HashMap<>();
        leaders.forEach((tp, leader) -> dirs.getOrDefault(leader, Map.of()).values().stream()
                .map(dir -> dir.replicaInfos().get(tp)).filter(r -> r != null && !r.isFuture())
                .map(ReplicaInfo::size).findFirst().ifPresent(size -> sizes.put(tp, size)));
        return sizes;
    }
}
