package io.eventline.app.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.eventline.contracts.schemas.EventSchemas;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Each event read against the published JSON Schema of its type and version (docs/schemas): what a
 * consumer that validates would refuse. Each schema is compiled once, on first use. Not thread-safe.
 */
final class EventSchemaCheck {
    private static final int ERRORS_NAMED = 3;

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Optional<Schema>> schemas = new HashMap<>();

    /**
     * @param event a record value that is an envelope
     * @return what in it breaks its schema; empty when nothing does, or when no schema knows its type
     *     and version (no contract knows it either: counted unreadable)
     */
    Optional<String> violation(JsonNode event) {
        String type = event.path("eventType").asText();
        int version = event.path("version").asInt();
        Optional<Schema> schema = schemas.computeIfAbsent(type + "/" + version,
                key -> EventSchemas.find(type, version).map(found -> registry.getSchema(found.schema())));
        List<Error> errors = schema.map(s -> s.validate(event)).orElse(List.of());
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(errors.stream().limit(ERRORS_NAMED).map(Error::toString).collect(Collectors.joining("; "))
                + (errors.size() > ERRORS_NAMED ? "; …" : ""));
    }
}
