package io.eventline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordsPerOrderTest {
    @Test
    void shouldTellEachKindOfTopicByItsNameWhenClassifying() {
        assertThat(TopicKind.of("orders.events")).isEqualTo(TopicKind.EVENTS);
        assertThat(TopicKind.of("customers")).isEqualTo(TopicKind.EVENTS);
        assertThat(TopicKind.of("accounts.commands")).isEqualTo(TopicKind.COMMANDS);
        assertThat(TopicKind.of("orders-saga.replies")).isEqualTo(TopicKind.REPLIES);
        assertThat(TopicKind.of("eventline-orders-orders-snapshots-changelog")).isEqualTo(TopicKind.CHANGELOG);
        assertThat(TopicKind.of("eventline-fraud-fraud-orders-by-customer-repartition"))
                .isEqualTo(TopicKind.REPARTITION);
        assertThat(TopicKind.of("orders.dlq")).isEqualTo(TopicKind.DEAD_LETTERS);
        assertThat(TopicKind.of("eventline.projections")).isEqualTo(TopicKind.OTHER);
    }

    @Test
    void shouldDivideEveryKindByTheOrdersWhenCounting() {
        RecordsPerOrder records = new RecordsPerOrder(4, Map.of(TopicKind.EVENTS, 40L, TopicKind.CHANGELOG, 100L), 160);

        assertThat(records.total()).isEqualTo(140);
        assertThat(records.perOrder()).isEqualTo(35);
        assertThat(records.perOrder(TopicKind.CHANGELOG)).isEqualTo(25);
        assertThat(records.perOrder(TopicKind.REPLIES)).isZero();
        assertThat(records.offsetsPerOrder()).isEqualTo(40);
        assertThat(new RecordsPerOrder(0, Map.of(), 0).perOrder()).isNaN();
    }

    @Test
    void shouldListTheTopicsTheMostFirstAndLeaveOutTheSmallWhenDividingPerTopic() {
        RecordsPerOrder records = new RecordsPerOrder(10, Map.of(TopicKind.EVENTS, 51L, TopicKind.CHANGELOG, 40L),
                Map.of("orders.events", 50L, "customers", 1L, "a-changelog", 20L, "b-changelog", 20L), 95);

        assertThat(records.topicsPerOrder(0.5)).containsExactly(Map.entry("orders.events", 5.0),
                Map.entry("a-changelog", 2.0), Map.entry("b-changelog", 2.0));
        assertThat(records.topicsPerOrder(0)).containsEntry("customers", 0.1).hasSize(4);
        assertThat(new RecordsPerOrder(0, Map.of(), Map.of("x", 1L), 1).topicsPerOrder(0)).isEmpty();
    }
}
