package io.eventline.app.verify;

import java.util.Objects;

/** One record as read from a topic: where it is, its key, and its value (null: a tombstone). */
public record LoggedRecord(Position position, String key, byte[] value) {
    public LoggedRecord {
        Objects.requireNonNull(position, "position");
    }
}
