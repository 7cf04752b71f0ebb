package io.eventline.core.decider;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.core.envelope.Json;
import io.eventline.core.envelope.Timestamps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** Snapshots as JSON bytes in the snapshot store (and so in its changelog topic). */
final class SnapshotCodec<S> {
    private final Class<S> stateType;

    SnapshotCodec(Class<S> stateType) {
        this.stateType = stateType;
    }

    byte[] write(Snapshot<S> snapshot) {
        // Written straight, not through a tree: a snapshot is written at every command (docs/performance.md).
        return Json.write(generator -> {
            generator.writeStartObject();
            generator.writeNumberField("version", snapshot.version());
            generator.writeStringField("timestamp", Timestamps.format(snapshot.timestamp()));
            generator.writeStringField("created", Timestamps.format(snapshot.created()));
            generator.writeFieldName("state");
            Json.mapper().writeValue(generator, snapshot.state());
            generator.writeEndObject();
        });
    }

    Snapshot<S> read(byte[] bytes) {
        try {
            JsonNode node = Json.readTree(bytes);
            Instant timestamp = Timestamps.parse(node.get("timestamp").textValue());
            // Snapshots written before "created" existed: the last event's time is the best known.
            Instant created = node.hasNonNull("created") ? Timestamps.parse(node.get("created").textValue()) : timestamp;
            return new Snapshot<>(Json.treeToValue(node.get("state"), stateType), node.get("version").longValue(),
                    timestamp, created);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable snapshot of " + stateType.getSimpleName(), e);
        }
    }
}
