package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;

class TopicLeadersTest {
    static final Node BROKER = new Node(1, "localhost", 9092);

    @Test
    void shouldCallATopicLeaderlessWhenUnknownShortOfPartitionsOrAPartitionHasNoLeader() {
        Map<String, TopicDescription> known = Map.of(
                "led", topic("led", BROKER, BROKER),
                "short", topic("short", BROKER),
                "noLeader", topic("noLeader", BROKER, null),
                "emptyLeader", topic("emptyLeader", Node.noNode(), BROKER));

        assertThat(TopicLeaders.leaderless(List.of("led", "short", "noLeader", "emptyLeader", "unknown"), 2, known))
                .containsExactly("emptyLeader", "noLeader", "short", "unknown");
    }

    @Test
    void shouldReturnOnceEveryPartitionIsLedWhenTheLeadersComeLate() {
        Deque<Map<String, TopicDescription>> answers = new ArrayDeque<>(List.of(
                Map.of(),
                Map.of("customers", topic("customers", null, null)),
                Map.of("customers", topic("customers", BROKER, null)),
                Map.of("customers", topic("customers", BROKER, BROKER))));
        int[] looks = {0};

        new TopicLeaders(topics -> {
            looks[0]++;
            return answers.pop();
        }, Duration.ofSeconds(10), Duration.ofMillis(1)).await(List.of("customers"), 2);

        assertThat(looks[0]).isEqualTo(4);
    }

    @Test
    void shouldFailNamingTheTopicWhenNoLeaderComesInTime() {
        TopicLeaders leaders = new TopicLeaders(topics -> Map.of("customers", topic("customers", BROKER, null)),
                Duration.ofMillis(100), Duration.ofMillis(5));

        assertThatThrownBy(() -> leaders.await(List.of("customers"), 2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[customers]");
    }

    private static TopicDescription topic(String name, Node... leaders) {
        List<TopicPartitionInfo> partitions = new ArrayList<>();
        for (int i = 0; i < leaders.length; i++) {
            partitions.add(new TopicPartitionInfo(i, leaders[i], List.of(BROKER), List.of(BROKER)));
        }
        return new TopicDescription(name, false, partitions);
    }
}
