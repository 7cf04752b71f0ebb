package io.eventline.core.dlq;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;

/**
 * One dead letter as listed: where it lies, where its record was read, why and when it failed. Read
 * alike from Eventline's dead letters ({@code eventline.dlq.*}) and Kafka Streams' own
 * ({@code __streams.errors.*}: reason {@code unreadable} for a deserialization failure, else
 * {@code processing-failed}; {@code at} is then the record's timestamp, which Streams keeps from the
 * failed record), and Kafka Connect sinks' ({@code __connect.errors.*}: reason {@code sink-failed},
 * never replayed from here).
 *
 * @param id {@code <dead-letter topic>-<partition>-<offset>}: stable, since dead-letter topics are
 *     never compacted
 * @param topic the topic the record was read from, where a replay sends it back (a side effect's dead
 *     letter goes to the effect's replay topic instead: {@link DeadLetterHeaders#REPLAY_TO})
 * @param attempts how many times the record has been dead-lettered, counting this one
 * @param replayed whether this dead letter was replayed (or another of the same record, in the same
 *     dead-letter topic)
 */
public record DeadLetterEntry(String id, String queue, String topic, int partition, long offset, String reason,
                              String error, Instant at, int attempts, boolean replayed) {
    private static final Pattern ID = Pattern.compile("(.+\\.dlq)-(\\d{1,9})-(\\d{1,18})");

    /** The dead-letter topic, partition and offset an id names; empty when it names none. */
    public record Location(String queue, int partition, long offset) {
        public static Optional<Location> of(String id) {
            Matcher matcher = ID.matcher(id);
            return matcher.matches()
                    ? Optional.of(new Location(matcher.group(1), Integer.parseInt(matcher.group(2)),
                            Long.parseLong(matcher.group(3))))
                    : Optional.empty();
        }

        public String id() {
            return queue + "-" + partition + "-" + offset;
        }
    }

    /** Whether two dead letters hold the same record read by the same application. */
    boolean sameRecordAs(DeadLetterEntry other) {
        return recordKey().equals(other.recordKey());
    }

    /** The record and the application: {@code <dead-letter topic> <topic>-<partition>@<offset>}. */
    String recordKey() {
        return queue + " " + topic + "-" + partition + "@" + offset;
    }

    DeadLetterEntry asReplayed() {
        return new DeadLetterEntry(id, queue, topic, partition, offset, reason, error, at, attempts, true);
    }

    /** The entry of a record of a dead-letter topic; empty for a record that is no dead letter. */
    static Optional<DeadLetterEntry> of(ConsumerRecord<byte[], byte[]> record) {
        String id = new Location(record.topic(), record.partition(), record.offset()).id();
        Headers headers = record.headers();
        if (headers.lastHeader(DeadLetterHeaders.REASON) != null) {
            return Optional.of(ours(id, record));
        }
        if (headers.lastHeader(DeadLetterHeaders.CONNECT_TOPIC) != null) {
            return Optional.of(connect(id, record));
        }
        return headers.lastHeader(DeadLetterHeaders.STREAMS_TOPIC) == null ? Optional.empty()
                : Optional.of(streams(id, record));
    }

    /** Whether it may be sent back to its topic from here: not a sink's (the topic has other readers). */
    public boolean replayable() {
        return !reason.equals(DeadLetterReason.SINK_FAILED.code());
    }

    private static DeadLetterEntry connect(String id, ConsumerRecord<byte[], byte[]> record) {
        Headers headers = record.headers();
        String exception = text(headers, DeadLetterHeaders.CONNECT_EXCEPTION);
        String message = DeadLetterHeaders.text(headers, DeadLetterHeaders.CONNECT_MESSAGE)
                .map(m -> m.lines().findFirst().orElse("")).orElse("");
        String connector = text(headers, DeadLetterHeaders.CONNECT_CONNECTOR);
        String error = (connector.isEmpty() ? "" : connector + ": ")
                + exception.substring(exception.lastIndexOf('.') + 1) + (message.isEmpty() ? "" : ": " + message);
        return new DeadLetterEntry(id, record.topic(), text(headers, DeadLetterHeaders.CONNECT_TOPIC),
                (int) number(headers, DeadLetterHeaders.CONNECT_PARTITION, -1),
                number(headers, DeadLetterHeaders.CONNECT_OFFSET, -1), DeadLetterReason.SINK_FAILED.code(), error,
                Instant.ofEpochMilli(record.timestamp()), 1, false);
    }

    private static DeadLetterEntry ours(String id, ConsumerRecord<byte[], byte[]> record) {
        Headers headers = record.headers();
        return new DeadLetterEntry(id, record.topic(), text(headers, DeadLetterHeaders.TOPIC),
                (int) number(headers, DeadLetterHeaders.PARTITION, -1), number(headers, DeadLetterHeaders.OFFSET, -1),
                text(headers, DeadLetterHeaders.REASON), text(headers, DeadLetterHeaders.ERROR),
                DeadLetterHeaders.text(headers, DeadLetterHeaders.AT).map(DeadLetterEntry::instant)
                        .orElse(Instant.ofEpochMilli(record.timestamp())),
                (int) number(headers, DeadLetterHeaders.ATTEMPTS, 1), false);
    }

    private static DeadLetterEntry streams(String id, ConsumerRecord<byte[], byte[]> record) {
        Headers headers = record.headers();
        String exception = text(headers, DeadLetterHeaders.STREAMS_EXCEPTION);
        String reason = exception.equals(SerializationException.class.getName())
                ? DeadLetterReason.UNREADABLE.code() : DeadLetterReason.PROCESSING_FAILED.code();
        String message = DeadLetterHeaders.text(headers, DeadLetterHeaders.STREAMS_MESSAGE)
                .map(m -> m.lines().findFirst().orElse("")).orElse("");
        String error = exception.substring(exception.lastIndexOf('.') + 1) + (message.isEmpty() ? "" : ": " + message);
        // The original's headers ride along: a replayed record carries how often it failed before.
        return new DeadLetterEntry(id, record.topic(), text(headers, DeadLetterHeaders.STREAMS_TOPIC),
                (int) number(headers, DeadLetterHeaders.STREAMS_PARTITION, -1),
                number(headers, DeadLetterHeaders.STREAMS_OFFSET, -1), reason, error,
                Instant.ofEpochMilli(record.timestamp()), 1 + (int) number(headers, DeadLetterHeaders.ATTEMPTS, 0),
                false);
    }

    private static String text(Headers headers, String key) {
        return DeadLetterHeaders.text(headers, key).orElse("");
    }

    private static long number(Headers headers, String key, long otherwise) {
        try {
            return DeadLetterHeaders.text(headers, key).map(String::trim).map(Long::parseLong).orElse(otherwise);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
