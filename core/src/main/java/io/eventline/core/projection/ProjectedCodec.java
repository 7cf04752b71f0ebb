package io.eventline.core.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventline.core.envelope.Json;
import io.eventline.core.envelope.Timestamps;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Views as JSON bytes in a projection's store. */
final class ProjectedCodec<V> {
    private final Class<V> viewType;

    ProjectedCodec(Class<V> viewType) {
        this.viewType = viewType;
    }

    byte[] write(Projected<V> projected) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("version", projected.version());
        node.put("updated", Timestamps.format(projected.updated()));
        node.set("view", Json.mapper().valueToTree(projected.view()));
        return Json.write(node);
    }

    Projected<V> read(byte[] bytes) {
        try {
            JsonNode node = Json.readTree(bytes);
            return new Projected<>(Json.treeToValue(node.get("view"), viewType), node.get("version").longValue(),
                    Timestamps.parse(node.get("updated").textValue()));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable view of " + viewType.getSimpleName(), e);
        }
    }
}
