package io.eventline.core.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Reads and writes {@link EventEnvelope}s as the JSON record value of docs/api.md, and writes the headers
 * that repeat the envelope (plus the CloudEvents Kafka binding's {@code ce_*} headers) so that tools
 * can route without parsing the value. Stateless and thread-safe.
 */
public final class EnvelopeCodec {
    private static final Set<String> METADATA_FIELDS = Set.of("correlationId", "causationId", "source");

    private EnvelopeCodec() {
    }

    /** The envelope's bytes, as {@link #toTree}'s: written straight, as every event is (docs/performance.md). */
    public static byte[] toBytes(EventEnvelope envelope) {
        return Json.write(generator -> {
            generator.writeStartObject();
            generator.writeStringField("eventId", envelope.eventId().toString());
            generator.writeStringField("eventType", envelope.eventType());
            generator.writeNumberField("version", envelope.version());
            generator.writeStringField("timestamp", Timestamps.format(envelope.timestamp()));
            generator.writeStringField("aggregateId", envelope.aggregateId());
            generator.writeFieldName("data");
            Json.mapper().writeTree(generator, envelope.data());
            generator.writeObjectFieldStart("metadata");
            generator.writeStringField("correlationId", envelope.metadata().correlationId());
            generator.writeStringField("causationId", envelope.metadata().causationId());
            generator.writeStringField("source", envelope.metadata().source());
            generator.writeEndObject();
            generator.writeEndObject();
        });
    }

    /** The envelope as a JSON tree, fields in the documented order. */
    public static ObjectNode toTree(EventEnvelope envelope) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("eventId", envelope.eventId().toString());
        node.put("eventType", envelope.eventType());
        node.put("version", envelope.version());
        node.put("timestamp", Timestamps.format(envelope.timestamp()));
        node.put("aggregateId", envelope.aggregateId());
        node.set("data", envelope.data());
        ObjectNode metadata = node.putObject("metadata");
        metadata.put("correlationId", envelope.metadata().correlationId());
        metadata.put("causationId", envelope.metadata().causationId());
        metadata.put("source", envelope.metadata().source());
        return node;
    }

    /**
     * The envelope, as {@link #fromTree} reads the document's tree, in one parser pass ({@link EnvelopeReader}).
     *
     * @throws MalformedEnvelopeException naming what is wrong, never a raw Jackson exception
     */
    public static EventEnvelope fromBytes(byte[] value) {
        return EnvelopeReader.envelope(value);
    }

    /**
     * The aggregate id of the envelope {@link #fromBytes} would read, without building its data: for a
     * reader that only files the record under its aggregate.
     *
     * @throws MalformedEnvelopeException as {@link #fromBytes}
     */
    public static String aggregateIdOf(byte[] value) {
        return EnvelopeReader.aggregateId(value);
    }

    /** @throws MalformedEnvelopeException as {@link #fromBytes}, for a document already parsed */
    public static EventEnvelope fromTree(JsonNode node) {
        return EnvelopeReader.envelope(node);
    }

    /** The headers docs/api.md promises: the envelope's routing fields and the CloudEvents binding. */
    public static Headers headers(EventEnvelope envelope) {
        Headers headers = new RecordHeaders();
        put(headers, "eventId", envelope.eventId().toString());
        put(headers, "eventType", envelope.eventType());
        put(headers, "version", Integer.toString(envelope.version()));
        put(headers, "correlationId", envelope.metadata().correlationId());
        put(headers, "causationId", envelope.metadata().causationId());
        put(headers, "source", envelope.metadata().source());
        put(headers, "ce_specversion", "1.0");
        put(headers, "ce_id", envelope.eventId().toString());
        put(headers, "ce_type", envelope.eventType());
        put(headers, "ce_source", envelope.metadata().source());
        put(headers, "ce_time", Timestamps.format(envelope.timestamp()));
        return headers;
    }

    private static void put(Headers headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new MalformedEnvelopeException(field + ": missing");
        }
        return value;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isTextual()) {
            throw new MalformedEnvelopeException(field + ": a string was expected");
        }
        return value.textValue();
    }

    static void rejectUnknownMetadata(JsonNode metadata) {
        rejectUnknown(metadata, METADATA_FIELDS, "metadata.");
    }

    private static void rejectUnknown(JsonNode node, Set<String> known, String prefix) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw new MalformedEnvelopeException(prefix + name + ": unknown field");
            }
        });
    }
}
