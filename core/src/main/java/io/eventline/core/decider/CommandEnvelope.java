package io.eventline.core.decider;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.core.envelope.EventMetadata;
import java.util.Objects;

/**
 * A command on its aggregate's command topic (an internal topic). The record key is the aggregate id;
 * {@code commandId} ties the reply to the caller and seeds the ids of the events the command causes.
 */
public record CommandEnvelope(
        String commandId, String commandType, int version, String aggregateId, JsonNode data, EventMetadata metadata) {
    public CommandEnvelope {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(commandType, "commandType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(metadata, "metadata");
    }
}
