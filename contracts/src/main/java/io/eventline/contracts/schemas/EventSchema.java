package io.eventline.contracts.schemas;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * The JSON Schema (2020-12) of one event type at one version: the whole record value, the envelope
 * with this type and version and its {@code data}.
 *
 * @param topics the topics that carry the type
 * @param current whether this is the version written now (older ones are only read, and upcast)
 */
public record EventSchema(String eventType, int version, List<String> topics, boolean current, ObjectNode schema) {
    public EventSchema {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(schema, "schema");
        topics = List.copyOf(topics);
    }

    /** {@code urn:eventline:schema:order.placed:v1}: the schema's {@code $id}, stable across hosts. */
    public static String id(String eventType, int version) {
        return "urn:eventline:schema:" + eventType + ":v" + version;
    }

    /** {@code order.placed/v1.json}: where it lives under {@code docs/schemas}, relative, with '/'. */
    public static String path(String eventType, int version) {
        return eventType + "/v" + version + ".json";
    }

    public String path() {
        return path(eventType, version);
    }
}
