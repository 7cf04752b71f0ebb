package io.eventline.core.saga;

import java.util.List;
import java.util.Objects;

/** What one input did to a saga: its new state, and the commands to send, in order. */
public record SagaTransition<D>(SagaState<D> state, List<Sent> sent) {
    public SagaTransition {
        Objects.requireNonNull(state, "state");
        sent = List.copyOf(sent);
    }

    /**
     * A command to send under {@code commandId}. {@code awaitsReply}: the saga waits for its reply (an
     * action or a compensation); otherwise it is a notification, sent and forgotten.
     */
    public record Sent(String commandId, SagaCommand command, boolean awaitsReply) {
        public Sent {
            Objects.requireNonNull(commandId, "commandId");
            Objects.requireNonNull(command, "command");
        }
    }
}
