package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.core.kafka.Topic;
import io.eventline.core.kafka.Topic.Kind;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The topics the platform creates, collected from the modules that declare them: each once, of one
 * kind, and none lost or added by accident (the list below is what a running Eventline has; changing
 * it changes what users' clusters hold).
 */
class PlatformTopicsTest {
    @Test
    void shouldCreateEachTopicOnceWithTheKindItsOwnerDeclared() {
        Map<String, Kind> created = PlatformTopics.all().stream()
                .collect(Collectors.toMap(Topic::name, Topic::kind, (first, second) -> {
                    throw new AssertionError("a topic declared twice");
                }));

        assertThat(created).containsExactlyInAnyOrderEntriesOf(expected());
    }

    private static Map<String, Kind> expected() {
        Map<String, Kind> topics = new java.util.HashMap<>();
        for (String aggregate : new String[] {"accounts", "inventory", "orders", "shipments", "notifications"}) {
            topics.put(aggregate + ".commands", Kind.COMMANDS);
            topics.put(aggregate + ".events", Kind.EVENTS);
            topics.put(aggregate + ".replies", Kind.REPLIES);
        }
        for (String reader : new String[] {"customers", "accounts", "inventory", "orders", "shipping", "notifications",
                "analytics", "fraud", "catalog", "accounts-view", "inventory-view", "orders-view"}) {
            topics.put(reader + ".dlq", Kind.DEAD_LETTERS);
        }
        topics.putAll(java.util.stream.Stream.of("customers", "catalog.products", "eventline.projections",
                "eventline.dlq.replayed").collect(Collectors.toMap(Function.identity(), name -> Kind.COMPACTED)));
        topics.put("catalog.sales", Kind.EVENTS);
        topics.put("catalog.cdc.public.products", Kind.EVENTS);
        topics.put("catalog.reporting.dlq", Kind.DEAD_LETTERS);
        topics.put("orders-saga.replies", Kind.REPLIES);
        topics.put("notifications-mail.replays", Kind.COMMANDS);
        return topics;
    }
}
