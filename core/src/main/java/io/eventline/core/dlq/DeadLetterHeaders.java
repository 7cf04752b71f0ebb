package io.eventline.core.dlq;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The headers of a dead letter. Eventline's processors write the {@code eventline.dlq.*} ones; Kafka
 * Streams' own handlers (KIP-1034) write the {@code __streams.errors.*} ones; both keep the original
 * record's headers beside them. Values are UTF-8 text.
 */
public final class DeadLetterHeaders {
    public static final String PREFIX = "eventline.dlq.";
    /** A {@link DeadLetterReason} code. */
    public static final String REASON = PREFIX + "reason";
    /** The exception's message, on one line. */
    public static final String ERROR = PREFIX + "error";
    /** Where the record was read: topic, partition, offset. */
    public static final String TOPIC = PREFIX + "topic";
    public static final String PARTITION = PREFIX + "partition";
    public static final String OFFSET = PREFIX + "offset";
    /** When it was dead-lettered, ISO-8601 UTC with milliseconds. */
    public static final String AT = PREFIX + "at";
    /** How many times this record has been dead-lettered: 1, then one more after each failed replay. */
    public static final String ATTEMPTS = PREFIX + "attempts";
    /**
     * On a replayed record: the dead-letter topic it was replayed from. Only the application owning
     * that topic processes it; the other readers of a shared event topic had it already.
     */
    public static final String REPLAY_FOR = PREFIX + "replay-for";
    /**
     * On a dead letter: where its replay goes, when not back to {@link #TOPIC}. A side effect's dead
     * letter holds a good event whose effect failed; replayed to the public event topic it would be a
     * second copy of the event for every reader, so it goes to the effect's own replay topic instead.
     */
    public static final String REPLAY_TO = PREFIX + "replay-to";

    public static final String STREAMS_PREFIX = "__streams.errors.";
    public static final String STREAMS_EXCEPTION = STREAMS_PREFIX + "exception";
    public static final String STREAMS_MESSAGE = STREAMS_PREFIX + "message";
    public static final String STREAMS_TOPIC = STREAMS_PREFIX + "topic";
    public static final String STREAMS_PARTITION = STREAMS_PREFIX + "partition";
    public static final String STREAMS_OFFSET = STREAMS_PREFIX + "offset";

    /** Kafka Connect's, on a sink's dead letters ({@code errors.deadletterqueue.context.headers.enable}). */
    public static final String CONNECT_PREFIX = "__connect.errors.";
    public static final String CONNECT_TOPIC = CONNECT_PREFIX + "topic";
    public static final String CONNECT_PARTITION = CONNECT_PREFIX + "partition";
    public static final String CONNECT_OFFSET = CONNECT_PREFIX + "offset";
    public static final String CONNECT_CONNECTOR = CONNECT_PREFIX + "connector.name";
    public static final String CONNECT_EXCEPTION = CONNECT_PREFIX + "exception.class.name";
    public static final String CONNECT_MESSAGE = CONNECT_PREFIX + "exception.message";

    private DeadLetterHeaders() {
    }

    /** Whether a header is a dead letter's own, as opposed to one the original record carried. */
    public static boolean isDeadLetters(String key) {
        return key.startsWith(PREFIX) || key.startsWith(STREAMS_PREFIX) || key.startsWith(CONNECT_PREFIX);
    }

    /** The last value of a header as text; empty when absent or null. */
    public static Optional<String> text(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null || header.value() == null ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    static void put(Headers headers, String key, String value) {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
