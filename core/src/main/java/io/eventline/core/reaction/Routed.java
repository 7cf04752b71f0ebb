package io.eventline.core.reaction;

import java.util.Objects;

/** A command and the aggregate it is for: the key it is sent under. */
public record Routed<C>(String aggregateId, C command) {
    public Routed {
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(command, "command");
    }
}
