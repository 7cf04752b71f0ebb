package io.eventline.contracts.schemas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventline.core.envelope.Json;
import io.eventline.core.envelope.MessageType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON Schema of every event type and version of {@link EventTopic#ALL}, built from the catalogues:
 * the current version's from its record ({@link Envelopes}), an older version's from the file frozen
 * when it was superseded ({@code resources/schemas/<type>/v<N>.json}: its record is gone, and what its
 * readers rely on must not change). Published in docs/schemas by {@code ./eventline schemas export}.
 */
public final class EventSchemas {
    private static final List<EventSchema> ALL = build(EventTopic.ALL);

    private EventSchemas() {
    }

    /** By event type, then version. */
    public static List<EventSchema> all() {
        return ALL;
    }

    public static Optional<EventSchema> find(String eventType, int version) {
        return ALL.stream().filter(s -> s.eventType().equals(eventType) && s.version() == version).findFirst();
    }

    /** What docs/schemas/index.json holds: each schema's type, version, topics, {@code $id} and path. */
    public static ArrayNode index() {
        ArrayNode index = Json.mapper().createArrayNode();
        for (EventSchema schema : ALL) {
            ObjectNode entry = index.addObject().put("eventType", schema.eventType()).put("version", schema.version())
                    .put("current", schema.current());
            schema.topics().forEach(entry.putArray("topics")::add);
            entry.put("$id", EventSchema.id(schema.eventType(), schema.version())).put("path", schema.path());
        }
        return index;
    }

    /** The files of docs/schemas, by path relative to it: {@code index.json} and one per schema. */
    public static Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("index.json", pretty(index()));
        ALL.forEach(schema -> files.put(schema.path(), pretty(schema.schema())));
        return files;
    }

    /** {@code "key": value}, two-space indents and '\n' on every platform: files that compare byte for byte. */
    public static byte[] pretty(Object json) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return (Json.mapper().writer(printer).writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a schema", e);
        }
    }

    /** The schemas of these topics' types, every version; package-private for tests with catalogues of their own. */
    static List<EventSchema> build(List<EventTopic> eventTopics) {
        Map<String, List<String>> topics = new LinkedHashMap<>();
        Map<String, MessageType<?>> types = new LinkedHashMap<>();
        for (EventTopic topic : eventTopics) {
            for (MessageType<?> type : topic.events().types()) {
                topics.computeIfAbsent(type.name(), name -> new ArrayList<>()).add(topic.topic());
                types.putIfAbsent(type.name(), type);
            }
        }
        List<EventSchema> schemas = new ArrayList<>();
        types.values().stream().sorted(Comparator.comparing(MessageType::name)).forEach(type -> {
            for (int version = 1; version <= type.currentVersion(); version++) {
                boolean current = version == type.currentVersion();
                ObjectNode schema = current ? Envelopes.of(type.name(), version, topics.get(type.name()), type.javaType())
                        : frozen(type.name(), version);
                schemas.add(new EventSchema(type.name(), version, topics.get(type.name()), current, schema));
            }
        });
        return List.copyOf(schemas);
    }

    private static ObjectNode frozen(String eventType, int version) {
        String resource = "/schemas/" + EventSchema.path(eventType, version);
        try (InputStream in = EventSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                String path = EventSchema.path(eventType, version);
                throw new IllegalStateException(eventType + " v" + version + " is superseded: freeze its published schema, "
                        + "copy docs/schemas/" + path + " to contracts/src/main/resources/schemas/" + path);
            }
            return (ObjectNode) Json.readTree(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
