package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;

class TopicLayoutTest {
    private static final List<Node> NODES = List.of(new Node(1, "a", 1), new Node(2, "b", 2), new Node(3, "c", 3));

    @Test
    void shouldSayEachValueOnceWhenEveryTopicIsAlike() {
        TopicLayout layout = TopicLayout.of(List.of(topic("orders.events", 6, 3), topic("customers", 6, 3)),
                List.of("2", "2"));

        assertThat(layout).hasToString("6 partitions, replication 3, min.insync.replicas 2");
        assertThat(layout.replication()).as("the AsyncAPI document's replicas").contains(3);
    }

    @Test
    void shouldSayEveryValueFoundWhenTopicsDiffer() {
        TopicLayout layout = TopicLayout.of(List.of(topic("orders.events", 12, 3), topic("customers", 6, 1)),
                List.of("2", "1"));

        assertThat(layout).hasToString("6 or 12 partitions, replication 1 or 3, min.insync.replicas 1 or 2");
        assertThat(layout.replication()).as("the AsyncAPI document's replicas").isEmpty();
    }

    private static TopicDescription topic(String name, int partitions, int replicas) {
        List<Node> copies = NODES.subList(0, replicas);
        return new TopicDescription(name, false, IntStream.range(0, partitions)
                .mapToObj(p -> new TopicPartitionInfo(p, copies.getFirst(), copies, copies)).toList());
    }
}
