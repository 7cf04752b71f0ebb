package io.eventline.core.projection;

import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.MalformedEnvelopeException;
import java.util.Optional;

/** The view key of a raw record, for re-keying; empty for what the projection cannot read. */
final class ViewKeys {
    private ViewKeys() {
    }

    static Optional<String> of(Projection<?> projection, byte[] value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return projection.projector().keyOf(EnvelopeCodec.fromBytes(value));
        } catch (MalformedEnvelopeException e) {
            return Optional.empty();
        }
    }
}
