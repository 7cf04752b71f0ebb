package io.eventline.core.projection;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import io.eventline.core.envelope.Json;
import io.eventline.core.envelope.Timestamps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Views as JSON bytes in a projection's store. Written field by field and read with one pass of a
 * parser, never through a tree: a view is read and written at every event it folds, and a rebuild
 * folds the whole topic (docs/performance.md: the trees were a third of a rebuild's stream thread).
 */
final class ProjectedCodec<V> {
    private final Class<V> viewType;
    /** The view inside the stored object: the tokens after it are the object's, not trailing ones. */
    private final ObjectReader views;

    ProjectedCodec(Class<V> viewType) {
        this.viewType = viewType;
        this.views = Json.mapper().readerFor(viewType).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    byte[] write(Projected<V> projected) {
        return Json.write(generator -> {
            generator.writeStartObject();
            generator.writeNumberField("version", projected.version());
            generator.writeStringField("updated", Timestamps.format(projected.updated()));
            generator.writeFieldName("view");
            Json.mapper().writeValue(generator, projected.view());
            generator.writeEndObject();
        });
    }

    Projected<V> read(byte[] bytes) {
        try (JsonParser parser = Json.mapper().createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a JSON object was expected");
            }
            Long version = null;
            Instant updated = null;
            V view = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "version" -> version = parser.getLongValue();
                    case "updated" -> updated = Timestamps.parse(parser.getText());
                    case "view" -> view = views.readValue(parser);
                    default -> parser.skipChildren();
                }
            }
            if (version == null || updated == null || view == null) {
                throw new IOException("version, updated and view were expected");
            }
            return new Projected<>(view, version, updated);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable view of " + viewType.getSimpleName(), e);
        }
    }
}
