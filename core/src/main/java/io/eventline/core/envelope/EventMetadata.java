package io.eventline.core.envelope;

import java.util.Objects;

/**
 * Where an event came from: the workflow it belongs to ({@code correlationId}), the message that
 * caused it ({@code causationId}), and the service that wrote it ({@code source}).
 */
public record EventMetadata(String correlationId, String causationId, String source) {
    public EventMetadata {
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(causationId, "causationId");
        Objects.requireNonNull(source, "source");
    }
}
