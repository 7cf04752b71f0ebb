package io.eventline.core.saga;

import com.fasterxml.jackson.databind.JavaType;
import io.eventline.core.envelope.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Saga states as JSON bytes in the state store (and so in its changelog topic). Thread-safe. */
final class SagaStateCodec<D> {
    private final JavaType type;
    private final String saga;

    SagaStateCodec(SagaDefinition<D> definition) {
        this.type = Json.mapper().getTypeFactory().constructParametricType(SagaState.class, definition.dataType());
        this.saga = definition.name();
    }

    byte[] write(SagaState<D> state) {
        return Json.write(state);
    }

    SagaState<D> read(byte[] bytes) {
        try {
            return Json.mapper().readValue(bytes, type);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable state of saga " + saga, e);
        }
    }
}
