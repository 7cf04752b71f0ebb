package io.eventline.app.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code GET /api/consumers}: Eventline's consumer groups ({@code eventline-*}: one per service and
 * per read model version), and per partition the offset the group committed, the partition's end
 * offset and the lag between them. Under exactly-once a group caught up has committed past the last
 * transaction marker, so its lag is 0, not 1.
 */
final class ConsumersReport {
    static final String PREFIX = "eventline-";

    record Group(String group, String state, long lag, List<PartitionLag> partitions) {
    }

    record PartitionLag(String topic, int partition, long committed, long endOffset, long lag) {
    }

    private ConsumersReport() {
    }

    static List<Group> read(Admin admin) throws InterruptedException {
        Map<String, String> states = new HashMap<>();
        for (GroupListing listing : AdminCalls.get(admin.listGroups().all(), "list its consumer groups")) {
            if (listing.groupId().startsWith(PREFIX)) {
                states.put(listing.groupId(), listing.groupState().map(Enum::name).orElse("UNKNOWN"));
            }
        }
        if (states.isEmpty()) {
            return List.of();
        }
        Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
        states.keySet().forEach(group -> specs.put(group, new ListConsumerGroupOffsetsSpec()));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = AdminCalls.get(
                admin.listConsumerGroupOffsets(specs).all(), "list its committed offsets");
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.values().forEach(offsets -> offsets.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResultInfo> ends = AdminCalls.get(admin.listOffsets(latest).all(),
                "list its end offsets");
        List<Group> groups = new ArrayList<>();
        states.forEach((group, state) -> groups.add(group(group, state,
                committed.getOrDefault(group, Map.of()), ends)));
        groups.sort(Comparator.comparing(Group::group));
        return groups;
    }

    private static Group group(String group, String state, Map<TopicPartition, OffsetAndMetadata> committed,
                               Map<TopicPartition, ListOffsetsResultInfo> ends) {
        List<PartitionLag> partitions = new ArrayList<>();
        committed.forEach((tp, offset) -> {
            if (offset != null) {
                long end = ends.containsKey(tp) ? ends.get(tp).offset() : offset.offset();
                partitions.add(new PartitionLag(tp.topic(), tp.partition(), offset.offset(), end,
                        Math.max(0, end - offset.offset())));
            }
        });
        partitions.sort(Comparator.comparing(PartitionLag::topic).thenComparingInt(PartitionLag::partition));
        return new Group(group, state, partitions.stream().mapToLong(PartitionLag::lag).sum(), partitions);
    }
}
