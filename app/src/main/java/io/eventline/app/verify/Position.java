package io.eventline.app.verify;

import java.util.Objects;

/**
 * Where a record is in the log: what a violation names, so that a person can read the record itself
 * ({@code kcat -C -t TOPIC -p PARTITION -o OFFSET -c 1}).
 */
public record Position(String topic, int partition, long offset) {
    public Position {
        Objects.requireNonNull(topic, "topic");
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
