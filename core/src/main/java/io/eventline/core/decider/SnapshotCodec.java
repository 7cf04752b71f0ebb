package io.eventline.core.decider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("version", snapshot.version());
        node.put("timestamp", Timestamps.format(snapshot.timestamp()));
        node.put("created", Timestamps.format(snapshot.created()));
        node.set("state", Json.mapper().valueToTree(snapshot.state()));
        return Json.write(node);
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
