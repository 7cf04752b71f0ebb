package io.eventline.core.decider;

import java.time.Instant;
import java.util.Objects;

/**
 * An aggregate's state after {@code version} events, the last of them at {@code timestamp}. Version 0
 * is an aggregate with no event yet.
 */
public record Snapshot<S>(S state, long version, Instant timestamp) {
    public Snapshot {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(timestamp, "timestamp");
        if (version < 0) {
            throw new IllegalArgumentException("version: at least 0, was " + version);
        }
    }

    public static <S> Snapshot<S> initial(S state) {
        return new Snapshot<>(state, 0, Instant.EPOCH);
    }

    public boolean exists() {
        return version > 0;
    }
}
