package io.eventline.core.saga;

import io.eventline.core.decider.Reply;
import java.time.Instant;
import java.util.Objects;

/**
 * What a saga reacts to. Time comes in with every input (the orchestrator's wall clock), so that the
 * saga itself reads no clock; timeouts arrive as {@link Tick}s.
 */
public sealed interface SagaInput<D> {
    Instant now();

    /** Starts the saga {@code sagaId}; a second start of the same id is ignored. */
    record Start<D>(String sagaId, D data, String correlationId, Instant now) implements SagaInput<D> {
        public Start {
            Objects.requireNonNull(sagaId, "sagaId");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(correlationId, "correlationId");
            Objects.requireNonNull(now, "now");
        }

        /** A start whose commands carry the saga id as correlation id. */
        public Start(String sagaId, D data, Instant now) {
            this(sagaId, data, sagaId, now);
        }
    }

    /** The reply to a command the saga sent; one it does not await changes nothing. */
    record ReplyReceived<D>(Reply reply, Instant now) implements SagaInput<D> {
        public ReplyReceived {
            Objects.requireNonNull(reply, "reply");
            Objects.requireNonNull(now, "now");
        }
    }

    /** The clock moved: pending commands past their deadline time out. */
    record Tick<D>(Instant now) implements SagaInput<D> {
        public Tick {
            Objects.requireNonNull(now, "now");
        }
    }

    /** An outside cancel: a running saga stops and compensates; a compensating or ended one ignores it. */
    record Abort<D>(String reason, Instant now) implements SagaInput<D> {
        public Abort {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(now, "now");
        }
    }
}
