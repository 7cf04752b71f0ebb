package io.eventline.core.saga;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.core.decider.Aggregate;
import io.eventline.core.envelope.Catalogue;
import io.eventline.core.envelope.MessageType;
import java.util.Objects;

/**
 * A command a saga sends, already encoded: the command topic of the aggregate it is for, the aggregate's
 * id (the record key, so every command for one aggregate lands on one partition, in order), and the
 * command's type, version and data as its aggregate's catalogue writes them.
 */
public record SagaCommand(String topic, String aggregateId, String commandType, int version, JsonNode data) {
    public SagaCommand {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(commandType, "commandType");
        Objects.requireNonNull(data, "data");
        data = data.deepCopy(); // a JSON tree is mutable; this command's must not change under it
    }

    /** The command for {@code aggregateId} of {@code target}, at its current version. */
    public static <C> SagaCommand of(Aggregate<C, ?, ?> target, String aggregateId, C command) {
        return of(target.commandTopic(), target.commands(), aggregateId, command);
    }

    /**
     * The command for an aggregate known only by its contract (its command topic and catalogue), as an
     * orchestrator knows the other services'.
     */
    public static <C> SagaCommand of(String commandTopic, Catalogue<C> commands, String aggregateId, C command) {
        MessageType<C> type = commands.typeOf(command);
        return new SagaCommand(commandTopic, aggregateId, type.name(), type.currentVersion(), commands.encode(command));
    }
}
