package io.eventline.contracts.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether the schemas Eventline writes now still suit the readers of the schemas it published: the
 * records of a version already in the log, and the consumers written against its schema, expect that
 * version's fields with their types forever. A change that breaks them needs a new version, with an
 * upcaster from the previous one ({@code Catalogue.Builder#add(name, type, version, upcasters)}).
 *
 * <p>Breaking, at any depth: a property removed, or no longer required; a type or a {@code const}
 * changed (a type may narrow, {@code ["string","null"]} to {@code "string"}, never widen); a new enum
 * value; a new property where the published schema allowed none ({@code additionalProperties: false}:
 * Eventline's readers reject unknown fields), required or not; a published version gone.
 */
public final class SchemaCompatibility {
    private SchemaCompatibility() {
    }

    /**
     * @param published the published schemas by path ({@code order.placed/v1.json}), index excluded
     * @return what breaks, one line each naming the schema and the field; empty when nothing does
     */
    public static List<String> breaks(Map<String, JsonNode> published, List<EventSchema> current) {
        List<String> breaks = new ArrayList<>();
        published.forEach((path, schema) -> {
            EventSchema now = current.stream().filter(s -> s.path().equals(path)).findFirst().orElse(null);
            if (now == null) {
                breaks.add(path + ": this published version is gone, and the log still holds its events");
            } else {
                breaks(schema, now.schema()).forEach(problem -> breaks.add(path + " " + problem));
            }
        });
        return breaks;
    }

    /** @return what in {@code current} breaks a reader of {@code published}, one line each */
    public static List<String> breaks(JsonNode published, JsonNode current) {
        List<String> breaks = new ArrayList<>();
        compare("", published, current, breaks);
        return breaks;
    }

    private static void compare(String at, JsonNode old, JsonNode now, List<String> breaks) {
        Set<String> oldTypes = types(old);
        Set<String> newTypes = types(now);
        if (!oldTypes.isEmpty() && !oldTypes.containsAll(newTypes)) {
            breaks.add(where(at) + ": type changed from " + old.get("type") + " to " + now.get("type"));
            return; // what is below a retyped field says nothing more
        }
        for (String keyword : List.of("const", "multipleOf", "format")) {
            if (old.has(keyword) && !old.get(keyword).equals(now.get(keyword))) {
                breaks.add(where(at) + ": " + keyword + " changed from " + old.get(keyword) + " to " + now.get(keyword));
            }
        }
        if (old.has("enum")) {
            Set<JsonNode> values = new HashSet<>();
            old.get("enum").forEach(values::add);
            now.path("enum").forEach(value -> {
                if (!values.contains(value)) {
                    breaks.add(where(at) + ": new enum value " + value + " that readers do not know");
                }
            });
        }
        if (old.has("items") && now.has("items")) {
            compare(at + "[]", old.get("items"), now.get("items"), breaks);
        }
        properties(at, old, now, breaks);
    }

    private static void properties(String at, JsonNode old, JsonNode now, List<String> breaks) {
        JsonNode oldProperties = old.path("properties");
        JsonNode newProperties = now.path("properties");
        Set<String> oldRequired = names(old.path("required"));
        Set<String> newRequired = names(now.path("required"));
        oldProperties.properties().forEach(property -> {
            String field = at.isEmpty() ? property.getKey() : at + "." + property.getKey();
            if (!newProperties.has(property.getKey())) {
                breaks.add(field + ": removed");
            } else {
                if (oldRequired.contains(property.getKey()) && !newRequired.contains(property.getKey())) {
                    breaks.add(field + ": no longer required, and readers expect it");
                }
                compare(field, property.getValue(), newProperties.get(property.getKey()), breaks);
            }
        });
        boolean closed = old.path("additionalProperties").isBoolean() && !old.get("additionalProperties").asBoolean();
        newProperties.properties().forEach(property -> {
            if (!oldProperties.has(property.getKey()) && (closed || newRequired.contains(property.getKey()))) {
                String field = at.isEmpty() ? property.getKey() : at + "." + property.getKey();
                breaks.add(field + ": new " + (newRequired.contains(property.getKey()) ? "required " : "")
                        + "field, which readers of this version reject or lack");
            }
        });
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new HashSet<>();
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            types.add(type.asText());
        }
        type.forEach(t -> types.add(t.asText()));
        return types;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new HashSet<>();
        array.forEach(name -> names.add(name.asText()));
        return names;
    }

    private static String where(String at) {
        return at.isEmpty() ? "(the record)" : at;
    }
}
