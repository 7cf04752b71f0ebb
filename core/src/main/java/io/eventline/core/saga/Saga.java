package io.eventline.core.saga;

import io.eventline.core.decider.Reply;
import io.eventline.core.saga.SagaState.Phase;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules of a saga, pure: {@code react(input, state) -> new state and commands}. No I/O, no clock
 * (time comes in the input), no random ids (command ids derive from the saga's name and id and the
 * state's sequence), so that a replay of an input against the same state sends the same commands.
 *
 * <ul>
 * <li>Start: the first step's action is sent; its deadline is now + the step's timeout.
 * <li>Every reply of the running step succeeded: the step is logged DONE, its {@code onDone}
 *     notifications are sent, then the next step's action, or after the last step {@code onCompleted}
 *     and the saga is COMPLETED. A step whose action has no command is done at once.
 * <li>A reply did not succeed: the step is logged FAILED and the saga compensates, then sends
 *     {@code onFailed(step's failureReason)} and is FAILED. The failing command is taken to have done
 *     nothing, so a one-command step is not compensated; a step of several commands is, since its
 *     other commands may have succeeded or may still land (its compensation is a no-op for those that
 *     did nothing).
 * <li>A tick at or past the deadline while an action is pending: the step is logged TIMED_OUT and is
 *     compensated too (its compensation lands after its action on the same partition, so a late
 *     action is undone, never missed); reason {@code TIMED_OUT}.
 * <li>An abort while running: as a timeout, logged ABORTED, with the abort's reason. While
 *     compensating or ended, an abort changes nothing.
 * <li>Compensations run one at a time, the completed steps' in reverse order, each awaited. A
 *     compensation's reply counts whether accepted or rejected (a rejection is deterministic: sending it
 *     again would not help; it is logged FAILED for a human). One that times out is logged TIMED_OUT and
 *     its unanswered commands are sent again under new ids, until they are answered.
 * <li>A reply to a command not pending (late, duplicated, superseded by a retry) changes nothing.
 * </ul>
 *
 * Thread-safe: holds only its immutable definition.
 */
public final class Saga<D> {
    /** The failure reason of a saga whose pending step timed out. */
    public static final String TIMED_OUT = "TIMED_OUT";

    private final SagaDefinition<D> definition;

    public Saga(SagaDefinition<D> definition) {
        this.definition = Objects.requireNonNull(definition, "definition");
    }

    public SagaDefinition<D> definition() {
        return definition;
    }

    /**
     * @param state the saga's state; empty before it started
     * @return the new state and the commands to send; empty when the input changes nothing
     */
    public Optional<SagaTransition<D>> react(SagaInput<D> input, Optional<SagaState<D>> state) {
        return switch (input) {
            case SagaInput.Start<D> start -> state.isPresent() ? Optional.empty() : Optional.of(start(start));
            case SagaInput.ReplyReceived<D> reply -> state.flatMap(current -> replied(current, reply));
            case SagaInput.Tick<D> tick -> state.flatMap(current -> ticked(current, tick));
            case SagaInput.Abort<D> abort -> state.flatMap(current -> aborted(current, abort));
        };
    }

    private SagaTransition<D> start(SagaInput.Start<D> start) {
        SagaRun<D> run = SagaRun.begin(definition, start.sagaId(), start.correlationId(), start.data(),
                start.now().toEpochMilli());
        run.startStep(0);
        return run.transition();
    }

    private Optional<SagaTransition<D>> replied(SagaState<D> state, SagaInput.ReplyReceived<D> input) {
        Reply reply = input.reply();
        boolean awaited = state.pending().stream().anyMatch(p -> p.commandId().equals(reply.commandId()));
        if (!awaited) {
            return Optional.empty();
        }
        SagaRun<D> run = new SagaRun<>(definition, state, input.now().toEpochMilli());
        run.answered(reply);
        return Optional.of(run.transition());
    }

    private Optional<SagaTransition<D>> ticked(SagaState<D> state, SagaInput.Tick<D> tick) {
        if (!state.due(tick.now().toEpochMilli())) {
            return Optional.empty();
        }
        SagaRun<D> run = new SagaRun<>(definition, state, tick.now().toEpochMilli());
        run.timedOut();
        return Optional.of(run.transition());
    }

    private Optional<SagaTransition<D>> aborted(SagaState<D> state, SagaInput.Abort<D> abort) {
        if (state.phase() != Phase.RUNNING) {
            return Optional.empty();
        }
        SagaRun<D> run = new SagaRun<>(definition, state, abort.now().toEpochMilli());
        run.aborted(abort.reason());
        return Optional.of(run.transition());
    }
}
