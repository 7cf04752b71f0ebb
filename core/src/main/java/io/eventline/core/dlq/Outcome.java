package io.eventline.core.dlq;

import java.util.Objects;
import org.apache.kafka.streams.processor.api.Record;

/**
 * What a processor that may dead-letter emits: a value for its normal downstream, or a dead letter.
 * {@link DeadLetterSink#route} sends each where it belongs.
 */
public sealed interface Outcome<V> {
    record Processed<V>(V value) implements Outcome<V> {
        public Processed {
            Objects.requireNonNull(value, "value");
        }
    }

    record Dead<V>(DeadLetter letter) implements Outcome<V> {
        public Dead {
            Objects.requireNonNull(letter, "letter");
        }
    }

    /** The record with its value wrapped as processed. */
    static <V> Record<String, Outcome<V>> processed(Record<String, V> record) {
        return record.withValue(new Processed<>(record.value()));
    }

    /** A dead letter from {@link DeadLetters#letter}, as an outcome. */
    static <V> Record<String, Outcome<V>> dead(Record<String, DeadLetter> letter) {
        return letter.withValue(new Dead<>(letter.value()));
    }
}
