package io.eventline.core.kafka;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One topic, declared once by what owns it (an aggregate, a saga, a service, a read model) and
 * collected by whoever creates topics: its name, what its records are keyed by, and what kind of
 * topic it is, which says how long it keeps what it holds.
 *
 * @param key what the record key is (documentation: {@code customerId}, {@code the aggregate id})
 */
public record Topic(String name, Kind kind, String key) {
    // Kafka's legal topic names: ASCII letters, digits, '.', '_' and '-', at most 249.
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    /** What a topic holds, and so how long it keeps it. */
    public enum Kind {
        /** Events: kept forever, the log is the system of record. */
        EVENTS,
        /** The latest value per key, kept forever; a tombstone deletes. */
        COMPACTED,
        /** Commands to an aggregate: read within seconds, kept a while to investigate. */
        COMMANDS,
        /** Replies to commands: only a waiting caller reads them. */
        REPLIES,
        /** Records a reader could not process, kept forever: often the last copy of their record. */
        DEAD_LETTERS
    }

    public Topic {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a topic name: " + name);
        }
    }

    public static Topic events(String name, String key) {
        return new Topic(name, Kind.EVENTS, key);
    }

    public static Topic compacted(String name, String key) {
        return new Topic(name, Kind.COMPACTED, key);
    }

    public static Topic commands(String name, String key) {
        return new Topic(name, Kind.COMMANDS, key);
    }

    public static Topic replies(String name, String key) {
        return new Topic(name, Kind.REPLIES, key);
    }

    public static Topic deadLetters(String name) {
        return new Topic(name, Kind.DEAD_LETTERS, "the dead record's key");
    }
}
