package io.eventline.core.envelope;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Reads an envelope, and checks it in one place. Its bytes in one parser pass: the envelope's own fields straight from the parser,
 * only {@code data} as a tree (or not at all, for a reader that needs the aggregate id alone). Why:
 * every event read was parsed into a tree first, the envelope's fields included, then read from
 * it; a history store parsed every event it appended only to check it (docs/performance.md). What it
 * accepts and how it names what is wrong are {@link EnvelopeCodec#fromTree}'s: a document that is
 * not JSON (duplicate keys and trailing tokens included) first, then unknown fields, then each field
 * in the same order.
 */
final class EnvelopeReader {
    // A field's value read as a tree mid-document: the document's end is checked once, at its end.
    private static final ObjectReader TREES = Json.mapper().reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** What stands for data a reader skipped: the envelope is checked as a whole all the same. */
    private static final ObjectNode SKIPPED = JsonNodeFactory.instance.objectNode();

    private EnvelopeReader() {
    }

    /** A top-level string field as read: absent or null reads as missing, another kind as no string. */
    private record Text(String name, JsonToken token, String value) {
        String required() {
            if (token == null || token == JsonToken.VALUE_NULL) {
                throw new MalformedEnvelopeException(name + ": missing");
            }
            if (token != JsonToken.VALUE_STRING) {
                throw new MalformedEnvelopeException(name + ": a string was expected");
            }
            return value;
        }
    }

    /** The envelope's fields as the parser met them, checked only once the whole document has parsed. */
    private static final class Fields {
        Text eventId = new Text("eventId", null, null);
        Text eventType = new Text("eventType", null, null);
        Text timestamp = new Text("timestamp", null, null);
        Text aggregateId = new Text("aggregateId", null, null);
        JsonNode version;
        JsonToken dataToken;
        JsonNode data;
        JsonNode metadata;
        String unknown;
    }

    static EventEnvelope envelope(byte[] value) {
        Fields fields = parse(value, true);
        return check(fields);
    }

    /** An envelope already parsed into a tree: the same checks, on its fields. */
    static EventEnvelope envelope(JsonNode node) {
        if (!node.isObject()) {
            throw new MalformedEnvelopeException("envelope: a JSON object was expected");
        }
        Fields fields = new Fields();
        node.fields().forEachRemaining(field -> {
            String name = field.getKey();
            JsonNode value = field.getValue();
            switch (name) {
                case "eventId" -> fields.eventId = text(name, value);
                case "eventType" -> fields.eventType = text(name, value);
                case "timestamp" -> fields.timestamp = text(name, value);
                case "aggregateId" -> fields.aggregateId = text(name, value);
                case "version" -> fields.version = value;
                case "metadata" -> fields.metadata = value;
                case "data" -> {
                    fields.dataToken = value.asToken();
                    fields.data = value;
                }
                default -> {
                    if (fields.unknown == null) {
                        fields.unknown = name;
                    }
                }
            }
        });
        return check(fields);
    }

    /** The aggregate id of an envelope {@link #envelope} would read, without building its data. */
    static String aggregateId(byte[] value) {
        return check(parse(value, false)).aggregateId();
    }

    private static Fields parse(byte[] value, boolean withData) {
        if (value == null) {
            throw new MalformedEnvelopeException("no value: an event envelope was expected");
        }
        try (JsonParser parser = Json.mapper().createParser(value)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IOException("empty JSON document");
            }
            if (first != JsonToken.START_OBJECT) {
                parser.skipChildren(); // the rest must still be JSON: "[1," is no JSON before it is no object
                requireEnd(parser);
                throw new MalformedEnvelopeException("envelope: a JSON object was expected");
            }
            Fields fields = new Fields();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                switch (name) {
                    case "eventId" -> fields.eventId = text(name, parser, token);
                    case "eventType" -> fields.eventType = text(name, parser, token);
                    case "timestamp" -> fields.timestamp = text(name, parser, token);
                    case "aggregateId" -> fields.aggregateId = text(name, parser, token);
                    case "version" -> fields.version = TREES.readTree(parser);
                    case "metadata" -> fields.metadata = TREES.readTree(parser);
                    case "data" -> {
                        fields.dataToken = token;
                        if (withData || token != JsonToken.START_OBJECT) {
                            fields.data = TREES.readTree(parser);
                        } else {
                            parser.skipChildren();
                        }
                    }
                    default -> {
                        if (fields.unknown == null) {
                            fields.unknown = name;
                        }
                        parser.skipChildren();
                    }
                }
            }
            requireEnd(parser);
            return fields;
        } catch (IOException e) {
            throw new MalformedEnvelopeException("not JSON: "
                    + (e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage()), e);
        }
    }

    private static Text text(String name, JsonParser parser, JsonToken token) throws IOException {
        String value = token == JsonToken.VALUE_STRING ? parser.getText() : null;
        parser.skipChildren();
        return new Text(name, token, value);
    }

    private static Text text(String name, JsonNode value) {
        return new Text(name, value.asToken(), value.isTextual() ? value.textValue() : null);
    }

    private static void requireEnd(JsonParser parser) throws IOException {
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            throw new IOException("trailing token (of type " + trailing + ") found after the envelope");
        }
    }

    /** {@link EnvelopeCodec#fromTree}'s checks, in its order; the envelope ({@link #SKIPPED} its data if skipped). */
    private static EventEnvelope check(Fields fields) {
        if (fields.unknown != null) {
            throw new MalformedEnvelopeException(fields.unknown + ": unknown field");
        }
        JsonNode metadata = fields.metadata;
        if (metadata == null || metadata.isNull()) {
            throw new MalformedEnvelopeException("metadata: missing");
        }
        if (!metadata.isObject()) {
            throw new MalformedEnvelopeException("metadata: a JSON object was expected");
        }
        EnvelopeCodec.rejectUnknownMetadata(metadata);
        if (fields.dataToken == null || fields.dataToken == JsonToken.VALUE_NULL) {
            throw new MalformedEnvelopeException("data: missing");
        }
        if (fields.dataToken != JsonToken.START_OBJECT) {
            throw new MalformedEnvelopeException("data: a JSON object was expected");
        }
        JsonNode version = fields.version;
        if (version == null || version.isNull()) {
            throw new MalformedEnvelopeException("version: missing");
        }
        if (!version.canConvertToExactIntegral() || !version.isIntegralNumber()) {
            throw new MalformedEnvelopeException("version: an integer was expected");
        }
        try {
            UUID eventId = UUID.fromString(fields.eventId.required());
            String eventType = fields.eventType.required();
            Instant timestamp = instant(fields.timestamp.required());
            String aggregateId = fields.aggregateId.required();
            EventMetadata meta = new EventMetadata(EnvelopeCodec.text(metadata, "correlationId"),
                    EnvelopeCodec.text(metadata, "causationId"), EnvelopeCodec.text(metadata, "source"));
            return new EventEnvelope(eventId, eventType, version.intValue(), timestamp, aggregateId,
                    fields.data == null ? SKIPPED : fields.data, meta);
        } catch (IllegalArgumentException e) {
            throw new MalformedEnvelopeException(e.getMessage(), e);
        }
    }

    private static Instant instant(String text) {
        try {
            return Timestamps.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedEnvelopeException("timestamp: an ISO-8601 UTC instant was expected, got " + text, e);
        }
    }
}
