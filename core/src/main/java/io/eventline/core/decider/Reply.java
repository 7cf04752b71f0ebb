package io.eventline.core.decider;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.core.envelope.Json;
import java.util.List;
import java.util.Objects;

/**
 * The answer to one command, written in the same transaction as the events it caused. Accepted: the
 * aggregate's {@code version} after the command, its {@code summary} (what its aggregate's summary
 * makes of the state then: what callers need, never the per-item {@link Entries}), and the types of
 * the events it appended ({@code events}, empty when the command changed nothing). Rejected:
 * {@code rejection}, and the version and summary the command was refused against.
 */
public record Reply(String commandId, String aggregateId, long version, JsonNode summary, List<String> events,
                    Refusal rejection) {
    public Reply {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(aggregateId, "aggregateId");
        events = events == null ? List.of() : List.copyOf(events);
    }

    /**
     * The bytes of {@code new Reply(…)} with {@code summary} as its tree, written without building the
     * tree: the decider answers every command a caller awaits, and the tree cost as much as the writing.
     */
    static byte[] toBytes(String commandId, String aggregateId, long version, Object summary, List<String> events,
                          Refusal rejection) {
        return Json.write(generator -> {
            generator.writeStartObject();
            generator.writeStringField("commandId", Objects.requireNonNull(commandId, "commandId"));
            generator.writeStringField("aggregateId", Objects.requireNonNull(aggregateId, "aggregateId"));
            generator.writeNumberField("version", version);
            generator.writeFieldName("summary");
            Json.mapper().writeValue(generator, summary);
            generator.writeFieldName("events");
            Json.mapper().writeValue(generator, events == null ? List.of() : events);
            generator.writeFieldName("rejection");
            Json.mapper().writeValue(generator, rejection);
            generator.writeEndObject();
        });
    }

    /** Whether the command was accepted and appended an event of this type. */
    public boolean appended(String eventType) {
        return accepted() && events.contains(eventType);
    }

    public boolean accepted() {
        return rejection == null;
    }

    /** Why a command was refused: a {@link Rejection} as data. */
    public record Refusal(String code, String field, String message) {
        public Refusal {
            Objects.requireNonNull(code, "code");
        }
    }
}
