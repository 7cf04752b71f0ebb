package io.eventline.core.decider;

import java.time.Instant;
import java.util.Objects;

/**
 * An aggregate's state after {@code version} events, the last of them at {@code timestamp}, the first
 * at {@code created}. Version 0 is an aggregate with no event yet.
 */
public record Snapshot<S>(S state, long version, Instant timestamp, Instant created) {
    public Snapshot {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(created, "created");
        if (version < 0) {
            throw new IllegalArgumentException("version: at least 0, was " + version);
        }
    }

    public static <S> Snapshot<S> initial(S state) {
        return new Snapshot<>(state, 0, Instant.EPOCH, Instant.EPOCH);
    }

    public boolean exists() {
        return version > 0;
    }

    /** The snapshot after one more event, {@code at}: the first one sets {@code created}. */
    public Snapshot<S> next(S evolved, Instant at) {
        return new Snapshot<>(evolved, version + 1, at, exists() ? created : at);
    }
}
