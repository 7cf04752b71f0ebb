package io.eventline.core.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event as it travels on a topic: the public wire format of docs/api.md. {@code data} stays a JSON
 * tree here so that an envelope can be read, routed and stored without knowing its event type;
 * {@link EventCatalogue} turns it into a typed event, upcasting older versions on the way.
 */
public record EventEnvelope(
        UUID eventId,
        String eventType,
        int version,
        Instant timestamp,
        String aggregateId,
        JsonNode data,
        EventMetadata metadata) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(metadata, "metadata");
        if (version < 1) {
            throw new IllegalArgumentException("version: at least 1, was " + version);
        }
    }
}
