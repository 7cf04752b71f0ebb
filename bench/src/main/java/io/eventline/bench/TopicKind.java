package io.eventline.bench;

/** What a topic holds, from its name (STYLE.md's names and Kafka Streams' internal topics). */
enum TopicKind {
    EVENTS, COMMANDS, REPLIES, CHANGELOG, REPARTITION, DEAD_LETTERS, OTHER;

    static TopicKind of(String topic) {
        if (topic.endsWith("-changelog")) {
            return CHANGELOG;
        }
        if (topic.endsWith("-repartition")) {
            return REPARTITION;
        }
        if (topic.endsWith(".events") || topic.equals("customers")) {
            return EVENTS;
        }
        if (topic.endsWith(".commands")) {
            return COMMANDS;
        }
        if (topic.endsWith(".replies")) {
            return REPLIES;
        }
        return topic.endsWith(".dlq") ? DEAD_LETTERS : OTHER;
    }

    String label() {
        return name().toLowerCase().replace('_', ' ');
    }
}
