package io.eventline.core.saga;

import java.util.List;
import java.util.Objects;

/**
 * Where one saga is: what it carries, what it waits for, and what happened so far. Stored as JSON
 * (core's {@code Json}) under the saga id in {@code <saga>-state}; immutable.
 *
 * @param correlationId the correlation id of the event that started the saga, carried by every command
 * @param step the index of the step running, or that failed, timed out or was aborted
 * @param pending the commands awaited: the running step's actions, or the running compensation's
 * @param deadline when the pending commands time out (epoch ms); 0 when nothing is pending
 * @param sequence the number of commands sent so far: command ids derive from it, so that a replay
 *     after a crash (which starts again from the last committed state) sends the same ids
 * @param completed the steps done, in order
 * @param compensations the steps whose compensations are still to run, the first one running
 * @param refused whether a reply to the running compensation was a rejection
 * @param failureReason why the saga is compensating or failed; null otherwise
 * @param log every step and compensation that ended, in order
 */
public record SagaState<D>(String sagaId, String correlationId, D data, Phase phase, int step,
                           List<Pending> pending, long deadline, long sequence, List<String> completed,
                           List<String> compensations, boolean refused, String failureReason,
                           List<StepRecord> log) {
    public enum Phase { RUNNING, COMPENSATING, COMPLETED, FAILED }

    /** A command awaited, and its index in its step's list of commands (to send it again). */
    public record Pending(String commandId, int slot) {
        public Pending {
            Objects.requireNonNull(commandId, "commandId");
        }
    }

    public SagaState {
        Objects.requireNonNull(sagaId, "sagaId");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(phase, "phase");
        pending = List.copyOf(pending);
        completed = List.copyOf(completed);
        compensations = List.copyOf(compensations);
        log = List.copyOf(log);
    }

    public boolean ended() {
        return phase == Phase.COMPLETED || phase == Phase.FAILED;
    }

    /** Whether replies are awaited and their deadline has come. */
    public boolean due(long nowMillis) {
        return !pending.isEmpty() && nowMillis >= deadline;
    }
}
