package io.eventline.core.dlq;

import io.eventline.core.envelope.Timestamps;
import io.eventline.core.kafka.StreamsSettings;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead-lettering for one processor: builds the dead letter of a record it cannot read, to be
 * forwarded to the topology's {@link DeadLetterSink}, so that it commits in the same exactly-once
 * transaction as the input's offset: a crash either dead-letters the record and moves on, or does
 * neither and reads it again. Used on the processor's thread only.
 *
 * <p>The dead-letter topic is the application's {@code errors.dead.letter.queue.topic.name}, the one
 * Kafka Streams' own handlers write to; without it (a test driver), the one
 * {@link StreamsSettings#deadLetterTopic} names for the application id.
 *
 * {@snippet :
 * if (deadLetters.forAnother(record)) {
 *     return; // a replay meant for another application reading the same topic
 * }
 * try { ... } catch (MalformedEnvelopeException e) {
 *     context.forward(Outcome.dead(deadLetters.letter(record, DeadLetterReason.of(e), e)));
 *     return;
 * }
 * }
 */
public final class DeadLetters {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    private static final int ERROR_LENGTH = 500;

    private final ProcessorContext<?, ?> context;
    private final String node;
    private final String queue;
    private final String application;

    private DeadLetters(ProcessorContext<?, ?> context, String node, String queue, String application) {
        this.context = context;
        this.node = node;
        this.queue = queue;
        this.application = application;
    }

    /** @param node the processor's name, for the log */
    public static DeadLetters of(ProcessorContext<?, ?> context, String node) {
        return of(context, node, null);
    }

    /**
     * @param part the service the processor was added for in an application that composes several
     *     ({@code Sources.part}), or null: its dead letters then go to that service's topic
     *     ({@code <service>.dlq}), so that a replay comes back to that service's processors only, not to
     *     every part of the application reading the topic
     */
    public static DeadLetters of(ProcessorContext<?, ?> context, String node, String part) {
        Object configured = context.appConfigs().get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        String application = configured == null || configured.toString().isBlank()
                ? StreamsSettings.deadLetterTopic(context.applicationId()) : configured.toString();
        String queue = part == null ? application : StreamsSettings.deadLetterTopic(part);
        return new DeadLetters(context, node, queue, application);
    }

    public String queue() {
        return queue;
    }

    /**
     * Whether the record is a replay from another application's dead-letter topic, or another service's:
     * on an event topic that several read, only the one that failed to read it reads it again. A record
     * Kafka Streams itself dead-lettered (a processor threw) is on the application's topic: its replay
     * comes back to every part of the application that reads the topic.
     */
    public boolean forAnother(Record<String, ?> record) {
        Optional<String> target = DeadLetterHeaders.text(record.headers(), DeadLetterHeaders.REPLAY_FOR);
        if (target.isPresent() && !target.get().equals(queue) && !target.get().equals(application)) {
            LOG.debug("{}: a replay for {} at offset {}: not ours", node, target.get(), offset());
            return true;
        }
        return false;
    }

    /**
     * The dead letter of {@code record}: its key, value and headers, plus the reason, the error, where
     * it was read, when, and how many times it has now failed. Logs one WARN line without the payload.
     */
    public Record<String, DeadLetter> letter(Record<String, byte[]> record, DeadLetterReason reason, Exception error) {
        Optional<RecordMetadata> source = context.recordMetadata();
        String topic = source.map(RecordMetadata::topic).orElse("");
        int partition = source.map(RecordMetadata::partition).orElse(-1);
        long offset = offset();
        Headers headers = new RecordHeaders(record.headers().toArray());
        int attempts = 1 + DeadLetterHeaders.text(headers, DeadLetterHeaders.ATTEMPTS).map(DeadLetters::count).orElse(0);
        headers.remove(DeadLetterHeaders.REPLAY_FOR);
        DeadLetterHeaders.put(headers, DeadLetterHeaders.REASON, reason.code());
        DeadLetterHeaders.put(headers, DeadLetterHeaders.ERROR, oneLine(error));
        DeadLetterHeaders.put(headers, DeadLetterHeaders.TOPIC, topic);
        DeadLetterHeaders.put(headers, DeadLetterHeaders.PARTITION, Integer.toString(partition));
        DeadLetterHeaders.put(headers, DeadLetterHeaders.OFFSET, Long.toString(offset));
        DeadLetterHeaders.put(headers, DeadLetterHeaders.AT,
                Timestamps.format(Instant.ofEpochMilli(context.currentSystemTimeMs())));
        DeadLetterHeaders.put(headers, DeadLetterHeaders.ATTEMPTS, Integer.toString(attempts));
        // The payload stays out of the log: it may hold personal data, and the dead letter has it.
        LOG.warn("{}: dead-lettered {}-{}@{} (key {}) to {}: {} ({}), attempt {}", node, topic, partition, offset,
                record.key(), queue, reason.code(), error.getClass().getSimpleName(), attempts);
        return new Record<>(record.key(), new DeadLetter(queue, record.value()), record.timestamp(), headers);
    }

    private long offset() {
        return context.recordMetadata().map(RecordMetadata::offset).orElse(-1L);
    }

    private static int count(String text) {
        try {
            return Math.max(0, Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return 0; // a header someone else wrote: the count starts again rather than the record failing
        }
    }

    static String oneLine(Exception error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        String line = message.lines().findFirst().orElse("").strip();
        return line.length() <= ERROR_LENGTH ? line : line.substring(0, ERROR_LENGTH) + "…";
    }
}
