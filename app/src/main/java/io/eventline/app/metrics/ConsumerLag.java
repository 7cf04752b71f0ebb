package io.eventline.app.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.KafkaFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lag of Eventline's consumer groups ({@code eventline-*}), per partition, from the cluster
 * itself: the last stable offset (what a {@code read_committed} reader can reach) less the group's
 * committed offset. A partition assigned to the group with nothing committed yet counts from its
 * first offset, where the group will start. Four admin requests in all, whatever the number of groups.
 * The metrics and the console's consumers view both read it, so they agree.
 */
public final class ConsumerLag {
    /** One partition a group reads: where the group is, the partition's end, and the lag between. */
    public record PartitionLag(String group, TopicPartition partition, long position, long end, long lag) {
    }

    /** Eventline's groups with their states, and the partitions they read. */
    public record Lags(Map<String, GroupState> groups, List<PartitionLag> partitions) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLag.class);
    static final String GROUP_PREFIX = "eventline-";
    private static final Pattern VERSIONED = Pattern.compile("(" + GROUP_PREFIX + "projection-.+)-v(\\d+)");

    private final Admin admin;
    private final Duration timeout;
    private final java.util.concurrent.atomic.AtomicLong failedOffsetReads = new java.util.concurrent.atomic.AtomicLong();

    public ConsumerLag(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    public Lags read() throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, GroupState> groups = groups();
        if (groups.isEmpty()) {
            return new Lags(groups, List.of());
        }
        Map<String, Map<TopicPartition, Long>> positions = committed(groups.keySet());
        startAssigned(positions, get(admin.describeConsumerGroups(groups.keySet()).all()));
        Set<TopicPartition> read = positions.values().stream().flatMap(p -> p.keySet().stream())
                .collect(Collectors.toSet());
        Map<TopicPartition, Long> ends = offsets(read, OffsetSpec.latest());
        List<PartitionLag> lags = new ArrayList<>();
        positions.forEach((group, at) -> at.forEach((partition, position) -> {
            Long end = ends.get(partition);
            if (end != null) { // else a topic deleted since: nothing left to read
                lags.add(new PartitionLag(group, partition, position, end, Math.max(0, end - position)));
            }
        }));
        return new Lags(groups, lags);
    }

    /** Adds the partitions members are assigned but the group has committed nothing for, at their start. */
    private void startAssigned(Map<String, Map<TopicPartition, Long>> positions,
                               Map<String, ConsumerGroupDescription> groups)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, Set<TopicPartition>> uncommitted = new HashMap<>();
        groups.forEach((group, description) -> description.members().forEach(member ->
                member.assignment().topicPartitions().stream()
                        .filter(partition -> !positions.getOrDefault(group, Map.of()).containsKey(partition))
                        .forEach(partition -> uncommitted.computeIfAbsent(group, g -> new HashSet<>()).add(partition))));
        Map<TopicPartition, Long> starts = offsets(
                uncommitted.values().stream().flatMap(Set::stream).collect(Collectors.toSet()), OffsetSpec.earliest());
        uncommitted.forEach((group, partitions) -> partitions.stream().filter(starts::containsKey).forEach(
                partition -> positions.computeIfAbsent(group, g -> new HashMap<>()).put(partition, starts.get(partition))));
    }

    /** Eventline's groups and their states, less the retired versions of read models. */
    private Map<String, GroupState> groups() throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, GroupState> groups = get(admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()).stream()
                .filter(listing -> listing.groupId().startsWith(GROUP_PREFIX))
                .collect(Collectors.toMap(GroupListing::groupId,
                        listing -> listing.groupState().orElse(GroupState.UNKNOWN)));
        return groups.entrySet().stream().filter(group -> !retired(group.getKey(), groups))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * A read model's version whose group is empty while a later version's exists: a rebuild cut over
     * from it. Its committed offsets stay until they expire; reported, its lag would grow for days.
     */
    static boolean retired(String group, Map<String, GroupState> groups) {
        Matcher version = VERSIONED.matcher(group);
        if (!version.matches() || groups.get(group) != GroupState.EMPTY) {
            return false;
        }
        int own = Integer.parseInt(version.group(2));
        return groups.keySet().stream().map(VERSIONED::matcher)
                .anyMatch(other -> other.matches() && other.group(1).equals(version.group(1))
                        && Integer.parseInt(other.group(2)) > own);
    }

    private Map<String, Map<TopicPartition, Long>> committed(Collection<String> groups)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, ListConsumerGroupOffsetsSpec> specs = groups.stream()
                .collect(Collectors.toMap(group -> group, group -> new ListConsumerGroupOffsetsSpec()));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> offsets = get(admin.listConsumerGroupOffsets(specs).all());
        Map<String, Map<TopicPartition, Long>> positions = new HashMap<>();
        offsets.forEach((group, committed) -> committed.forEach((partition, offset) -> {
            if (offset != null) {
                positions.computeIfAbsent(group, g -> new HashMap<>()).put(partition, offset.offset());
            }
        }));
        return positions;
    }

    /** The offsets asked for; a partition whose topic is gone is left out rather than failing the rest. */
    private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, TimeoutException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        ListOffsetsResult result = admin.listOffsets(
                partitions.stream().collect(Collectors.toMap(partition -> partition, partition -> spec)),
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            try {
                offsets.put(partition, get(result.partitionResult(partition)).offset());
            } catch (ExecutionException e) {
                failedOffsetReads.incrementAndGet();
                LOG.warn("lag: no offset for {} ({}); its lag is left out of this read", partition,
                        e.getCause().getMessage());
            }
        }
        return offsets;
    }

    /** Partitions whose offset could not be read, since this reader was made (their lag was left out). */
    public long failedOffsetReads() {
        return failedOffsetReads.get();
    }

    private <T> T get(KafkaFuture<T> future) throws ExecutionException, InterruptedException, TimeoutException {
        return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
