package io.eventline.app.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.core.envelope.Json;
import io.eventline.core.envelope.Timestamps;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One record as {@code /api/stream} sends it: where it is, its key, type and correlation (from the
 * headers) and the event itself. A value that is not JSON (a rogue producer's garbage) is sent as
 * {@code event: null, unreadable: true}; a tombstone as {@code event: null}.
 */
record StreamedEvent(String topic, int partition, long offset, String key, String timestamp, String eventType,
                     String correlationId, boolean unreadable, JsonNode event) {

    static StreamedEvent of(ConsumerRecord<String, byte[]> record) {
        JsonNode event = null;
        boolean unreadable = false;
        if (record.value() != null) {
            try {
                event = Json.readTree(record.value());
            } catch (IOException e) {
                unreadable = true; // shown as such: the console is where one looks for what went wrong
            }
        }
        return new StreamedEvent(record.topic(), record.partition(), record.offset(), record.key(),
                Timestamps.format(Timestamps.ofEpochMilli(record.timestamp())), header(record, "eventType"),
                header(record, "correlationId"), unreadable, event);
    }

    /** The SSE id: where the record is, so a client can tell duplicates apart. */
    String id() {
        return topic + "-" + partition + "@" + offset;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
