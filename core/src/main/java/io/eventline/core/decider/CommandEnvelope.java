package io.eventline.core.decider;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.core.envelope.EventMetadata;
import java.util.Objects;

/**
 * A command on its aggregate's command topic (an internal topic). The record key is the aggregate id;
 * {@code commandId} ties the reply to the caller and seeds the ids of the events the command causes.
 * {@code replyTo}, when given, sends the reply to that topic under that key (a saga orchestrator's own
 * partition) instead of the aggregate's reply topic; null otherwise. {@code unanswered}: nobody waits
 * for a reply (a reaction's command), so the decider writes none; absent from the JSON when false,
 * and false in commands written before it existed.
 */
public record CommandEnvelope(String commandId, String commandType, int version, String aggregateId, JsonNode data,
                              EventMetadata metadata, ReplyTo replyTo,
                              @JsonInclude(JsonInclude.Include.NON_DEFAULT) Boolean unanswered) {
    /** Where a reply goes: a topic, and the key that routes it to the partition of the one waiting. */
    public record ReplyTo(String topic, String key) {
        public ReplyTo {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(key, "key");
        }
    }

    public CommandEnvelope(String commandId, String commandType, int version, String aggregateId, JsonNode data,
                           EventMetadata metadata) {
        this(commandId, commandType, version, aggregateId, data, metadata, null, false);
    }

    public CommandEnvelope(String commandId, String commandType, int version, String aggregateId, JsonNode data,
                           EventMetadata metadata, ReplyTo replyTo) {
        this(commandId, commandType, version, aggregateId, data, metadata, replyTo, false);
    }

    /** The same command, decided without a reply: for senders that never read one. */
    public CommandEnvelope withoutReply() {
        return new CommandEnvelope(commandId, commandType, version, aggregateId, data, metadata, null, true);
    }

    public CommandEnvelope {
        unanswered = Boolean.TRUE.equals(unanswered); // absent (null) in commands written before it existed
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(commandType, "commandType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(metadata, "metadata");
    }
}
