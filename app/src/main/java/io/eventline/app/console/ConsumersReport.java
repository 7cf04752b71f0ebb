package io.eventline.app.console;

import io.eventline.app.metrics.ConsumerLag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.GroupState;

/**
 * {@code GET /api/consumers}: Eventline's consumer groups ({@code eventline-*}: one per service and
 * per read model version), and per partition the group's position, the partition's end and the lag
 * between them, as {@link ConsumerLag} reads them for the metrics: the console's chart and
 * {@code eventline_consumer_lag_records} show the same figures.
 */
final class ConsumersReport {
    record Group(String group, String state, long lag, List<PartitionLag> partitions) {
    }

    record PartitionLag(String topic, int partition, long committed, long endOffset, long lag) {
    }

    private ConsumersReport() {
    }

    static List<Group> read(ConsumerLag consumerLag) throws InterruptedException {
        ConsumerLag.Lags lags;
        try {
            lags = consumerLag.read();
        } catch (ExecutionException | TimeoutException e) {
            throw AdminCalls.unavailable("list its consumer groups' lag", e);
        }
        List<Group> groups = new ArrayList<>();
        lags.groups().forEach((group, state) -> groups.add(group(group, state, lags.partitions())));
        groups.sort(Comparator.comparing(Group::group));
        return groups;
    }

    private static Group group(String group, GroupState state, List<ConsumerLag.PartitionLag> all) {
        List<PartitionLag> partitions = all.stream().filter(lag -> lag.group().equals(group))
                .map(lag -> new PartitionLag(lag.partition().topic(), lag.partition().partition(), lag.position(),
                        lag.end(), lag.lag()))
                .sorted(Comparator.comparing(PartitionLag::topic).thenComparingInt(PartitionLag::partition))
                .toList();
        return new Group(group, state.name(), partitions.stream().mapToLong(PartitionLag::lag).sum(), partitions);
    }
}
