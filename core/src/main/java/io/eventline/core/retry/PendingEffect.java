package io.eventline.core.retry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * An effect not yet settled, kept in the done store under its event id until its outcome takes its
 * place ({@link EffectValues}), so that a crash neither loses nor repeats it: its payload, the attempts
 * finished so far, when the next is due, and the record that asked for it (for the dead letter, should
 * it come to that).
 */
record PendingEffect(JsonNode payload, int attempts, long dueAt, String lastError, Source source) {
    PendingEffect {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(source, "source");
    }

    PendingEffect failed(String error, long nextAt) {
        return new PendingEffect(payload, attempts + 1, nextAt, error, source);
    }

    /** The record that asked for the effect, as read, and where it was read. */
    record Source(String key, byte[] value, long timestamp, List<Header> headers, String topic, int partition,
                  long offset) {
        Source {
            headers = List.copyOf(headers);
        }

        static Source of(Record<String, byte[]> record, RecordMetadata at) {
            List<Header> headers = Arrays.stream(record.headers().toArray())
                    .map(header -> new Header(header.key(), header.value())).toList();
            return new Source(record.key(), record.value(), record.timestamp(), headers, at.topic(), at.partition(),
                    at.offset());
        }

        Headers kafkaHeaders() {
            Headers kafka = new RecordHeaders();
            headers.forEach(header -> kafka.add(header.key(), header.value()));
            return kafka;
        }
    }

    /** A record header; Kafka's own type does not survive a round trip through JSON. */
    record Header(String key, byte[] value) {
    }
}
