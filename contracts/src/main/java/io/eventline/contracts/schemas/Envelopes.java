package io.eventline.contracts.schemas;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The schema of a whole record value: core's envelope as {@code EnvelopeCodec} reads it (every field
 * required and non-null, no other field, here or in {@code metadata}) around one type's {@code data}.
 */
final class Envelopes {
    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Envelopes() {
    }

    static ObjectNode of(String eventType, int version, List<String> topics, Class<?> dataType) {
        ObjectNode schema = JSON.objectNode().put("$schema", DIALECT).put("$id", EventSchema.id(eventType, version))
                // The title is the record name of Confluent's TopicRecordNameStrategy for JSON Schema.
                .put("title", eventType)
                .put("description", eventType + " v" + version + ", the record value on " + String.join(", ", topics)
                        + ": the event envelope of docs/api.md")
                .put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("eventId").put("type", "string").put("format", "uuid");
        properties.putObject("eventType").put("const", eventType);
        properties.putObject("version").put("const", version);
        properties.putObject("timestamp").put("type", "string").put("format", "date-time");
        properties.putObject("aggregateId").put("type", "string");
        properties.set("data", DataSchemas.of(dataType));
        properties.set("metadata", metadata());
        required(schema, "eventId", "eventType", "version", "timestamp", "aggregateId", "data", "metadata");
        return schema.put("additionalProperties", false);
    }

    private static ObjectNode metadata() {
        ObjectNode metadata = JSON.objectNode().put("type", "object");
        ObjectNode properties = metadata.putObject("properties");
        properties.putObject("correlationId").put("type", "string");
        properties.putObject("causationId").put("type", "string");
        properties.putObject("source").put("type", "string");
        required(metadata, "correlationId", "causationId", "source");
        return metadata.put("additionalProperties", false);
    }

    private static void required(ObjectNode schema, String... names) {
        ArrayNode required = schema.putArray("required");
        for (String name : names) {
            required.add(name);
        }
    }
}
