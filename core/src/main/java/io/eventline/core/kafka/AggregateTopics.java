package io.eventline.core.kafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The three topics of an event-sourced aggregate, keyed by its id, named after it: {@code accounts}
 * reads {@code accounts.commands}, appends to {@code accounts.events} and answers on
 * {@code accounts.replies}. The one place that rule is written: the aggregate's runtime and the
 * contracts other services read both ask here.
 */
public record AggregateTopics(Topic commands, Topic events, Topic replies) {
    // An aggregate's runtime asks for its topics on every record: made once per name (a handful).
    private static final Map<String, AggregateTopics> MADE = new ConcurrentHashMap<>();

    public static AggregateTopics of(String aggregate) {
        return MADE.computeIfAbsent(aggregate, AggregateTopics::named);
    }

    private static AggregateTopics named(String aggregate) {
        String key = aggregate + " id";
        return new AggregateTopics(Topic.commands(aggregate + ".commands", key), Topic.events(aggregate + ".events", key),
                Topic.replies(aggregate + ".replies", key));
    }

    public List<Topic> all() {
        return List.of(commands, events, replies);
    }
}
