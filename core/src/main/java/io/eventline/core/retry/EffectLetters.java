package io.eventline.core.retry;

import io.eventline.core.dlq.DeadLetter;
import io.eventline.core.dlq.DeadLetterHeaders;
import io.eventline.core.envelope.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The dead letter of an effect that failed: the event that asked for it, byte for byte, with its own
 * headers and the {@link DeadLetterHeaders} of any other dead letter, plus
 * {@link DeadLetterHeaders#REPLAY_TO}: a replay goes to the effect's replay topic, never back to the
 * event topic, whose other readers had the event already. Built from the pending effect rather than
 * from the record being processed, since most effects fail in a punctuation, long after their record.
 */
final class EffectLetters {
    /** Reason codes, beside {@code DeadLetterReason}'s: the event was fine, its effect was not. */
    static final String FAILED = "effect-failed";
    static final String RETRIES_EXHAUSTED = "effect-retries-exhausted";

    private EffectLetters() {
    }

    static Record<String, DeadLetter> letter(PendingEffect effect, String reason, String error, String queue,
                                             String replayTopic, long now) {
        PendingEffect.Source source = effect.source();
        Headers headers = source.kafkaHeaders();
        int replays = DeadLetterHeaders.text(headers, DeadLetterHeaders.ATTEMPTS).map(EffectLetters::count).orElse(0);
        headers.remove(DeadLetterHeaders.REPLAY_FOR);
        put(headers, DeadLetterHeaders.REASON, reason);
        put(headers, DeadLetterHeaders.ERROR, error);
        put(headers, DeadLetterHeaders.TOPIC, source.topic());
        put(headers, DeadLetterHeaders.PARTITION, Integer.toString(source.partition()));
        put(headers, DeadLetterHeaders.OFFSET, Long.toString(source.offset()));
        put(headers, DeadLetterHeaders.AT, Timestamps.format(Instant.ofEpochMilli(now)));
        // Like every dead letter's: how many times the record was dead-lettered, not how often the
        // effect was tried (that is in the error).
        put(headers, DeadLetterHeaders.ATTEMPTS, Integer.toString(replays + 1));
        put(headers, DeadLetterHeaders.REPLAY_TO, replayTopic);
        return new Record<>(source.key(), new DeadLetter(queue, source.value()), source.timestamp(), headers);
    }

    /** Whether a record was replayed from a dead-letter topic, and which. */
    static Optional<String> replayedFrom(Headers headers) {
        return DeadLetterHeaders.text(headers, DeadLetterHeaders.REPLAY_FOR);
    }

    private static int count(String text) {
        try {
            return Math.max(0, Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            return 0; // a header someone else wrote: the count starts again rather than the letter failing
        }
    }

    private static void put(Headers headers, String key, String value) {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
