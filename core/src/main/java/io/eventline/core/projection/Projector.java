package io.eventline.core.projection;

import io.eventline.core.envelope.EventEnvelope;
import java.util.Optional;

/**
 * How a read model folds events into one view per key. Pure: the same events give the same views,
 * which is what lets a projection be thrown away and rebuilt from offset 0.
 *
 * @param <V> the view, a record that {@code Json} reads and writes
 */
public interface Projector<V> {
    V initial();

    /** The key of the view this event updates; empty when the event does not concern the view. */
    Optional<String> keyOf(EventEnvelope event);

    V apply(V view, EventEnvelope event);
}
