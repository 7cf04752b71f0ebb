package io.eventline.core.saga;

import io.eventline.core.decider.Reply;
import io.eventline.core.saga.SagaState.Pending;
import io.eventline.core.saga.SagaState.Phase;
import io.eventline.core.saga.StepRecord.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * One transition of one saga in the making: a mutable copy of its state that {@link Saga} drives
 * through the rules, then freezes into a {@link SagaTransition}. Confined to one call of {@code react}.
 */
final class SagaRun<D> {
    private final SagaDefinition<D> saga;
    private final SagaState<D> origin; // for what never changes: the saga's id, correlation id and data
    private final D data;
    private final long now;
    private Phase phase;
    private int step;
    private List<Pending> pending;
    private long deadline;
    private long sequence;
    private final List<String> completed;
    private final List<String> compensations;
    private boolean refused;
    private String failureReason;
    private final List<StepRecord> log;
    private final List<SagaTransition.Sent> sent = new ArrayList<>();

    /** Resumes a saga from its state. */
    SagaRun(SagaDefinition<D> saga, SagaState<D> state, long now) {
        this.saga = saga;
        this.origin = state;
        this.data = state.data();
        this.now = now;
        this.phase = state.phase();
        this.step = state.step();
        this.pending = new ArrayList<>(state.pending());
        this.deadline = state.deadline();
        this.sequence = state.sequence();
        this.completed = new ArrayList<>(state.completed());
        this.compensations = new ArrayList<>(state.compensations());
        this.refused = state.refused();
        this.failureReason = state.failureReason();
        this.log = new ArrayList<>(state.log());
    }

    static <D> SagaRun<D> begin(SagaDefinition<D> saga, String sagaId, String correlationId, D data, long now) {
        SagaState<D> fresh = new SagaState<>(sagaId, correlationId, data, Phase.RUNNING, 0, List.of(), 0, 0,
                List.of(), List.of(), false, null, List.of());
        return new SagaRun<>(saga, fresh, now);
    }

    SagaTransition<D> transition() {
        return new SagaTransition<>(new SagaState<>(origin.sagaId(), origin.correlationId(), data, phase, step,
                pending, deadline, sequence, completed, compensations, refused, failureReason, log), sent);
    }

    void startStep(int index) {
        phase = Phase.RUNNING;
        step = index;
        List<SagaCommand> actions = current().action().apply(data);
        if (actions.isEmpty()) {
            stepDone();
        } else {
            await(actions, current());
        }
    }

    /** A reply to a pending command (the caller checked that it is one). */
    void answered(Reply reply) {
        pending.removeIf(p -> p.commandId().equals(reply.commandId()));
        switch (phase) {
            case RUNNING -> {
                if (!reply.accepted() || !current().succeeded().test(reply)) {
                    fail(Outcome.FAILED, current().failureReason(), current().action().apply(data).size() > 1);
                } else if (pending.isEmpty()) {
                    stepDone();
                }
            }
            case COMPENSATING -> {
                refused |= !reply.accepted();
                if (pending.isEmpty()) {
                    compensationEnded(refused ? Outcome.FAILED : Outcome.DONE);
                }
            }
            case COMPLETED, FAILED -> throw ended();
        }
    }

    /** The deadline passed with replies pending (the caller checked that it did). */
    void timedOut() {
        switch (phase) {
            case RUNNING -> fail(Outcome.TIMED_OUT, Saga.TIMED_OUT, true);
            case COMPENSATING -> retryCompensation();
            case COMPLETED, FAILED -> throw ended();
        }
    }

    /** An outside abort while running (the caller checked that it is). */
    void aborted(String reason) {
        fail(Outcome.ABORTED, reason, true); // what the pending step did, or will do when it lands, is undone
    }

    private void stepDone() {
        SagaStep<D> done = current();
        record(done.name(), Outcome.DONE);
        completed.add(done.name());
        notify(done.onDone().apply(data));
        if (step + 1 < saga.steps().size()) {
            startStep(step + 1);
        } else {
            end(Phase.COMPLETED);
            notify(saga.onCompleted().apply(data));
        }
    }

    private void fail(Outcome outcome, String reason, boolean compensateCurrent) {
        SagaStep<D> stopped = current();
        record(stopped.name(), outcome);
        failureReason = reason;
        pending = new ArrayList<>();
        if (compensateCurrent && stopped.compensable()) {
            compensations.add(stopped.name());
        }
        for (String done : completed.reversed()) {
            if (saga.step(done).compensable()) {
                compensations.add(done);
            }
        }
        nextCompensation();
    }

    private void nextCompensation() {
        while (!compensations.isEmpty()) {
            SagaStep<D> undone = saga.step(compensations.getFirst());
            List<SagaCommand> commands = undone.compensation().apply(data);
            phase = Phase.COMPENSATING;
            refused = false;
            if (!commands.isEmpty()) {
                await(commands, undone);
                return;
            }
            record(undone.compensationName(), Outcome.DONE); // nothing to undo for this data
            compensations.removeFirst();
        }
        end(Phase.FAILED);
        notify(saga.onFailed().apply(data, failureReason));
    }

    private void compensationEnded(Outcome outcome) {
        record(saga.step(compensations.getFirst()).compensationName(), outcome);
        compensations.removeFirst();
        nextCompensation();
    }

    private void retryCompensation() {
        SagaStep<D> undone = saga.step(compensations.getFirst());
        record(undone.compensationName(), Outcome.TIMED_OUT);
        List<SagaCommand> commands = undone.compensation().apply(data);
        List<Pending> retried = new ArrayList<>();
        for (Pending unanswered : pending) {
            // A new id: a late reply to the old one is then told apart from the retry's, and ignored.
            retried.add(new Pending(send(commands.get(unanswered.slot()), true), unanswered.slot()));
        }
        pending = retried;
        deadline = now + undone.timeout().toMillis();
    }

    private void await(List<SagaCommand> commands, SagaStep<D> of) {
        pending = new ArrayList<>();
        for (int slot = 0; slot < commands.size(); slot++) {
            pending.add(new Pending(send(commands.get(slot), true), slot));
        }
        deadline = now + of.timeout().toMillis();
    }

    private void notify(List<SagaCommand> commands) {
        commands.forEach(command -> send(command, false));
    }

    private String send(SagaCommand command, boolean awaitsReply) {
        sequence++;
        String commandId = SagaTopology.commandId(saga.name(), origin.sagaId(), sequence);
        sent.add(new SagaTransition.Sent(commandId, command, awaitsReply));
        return commandId;
    }

    private void end(Phase outcome) {
        phase = outcome;
        pending = new ArrayList<>();
        deadline = 0;
    }

    private void record(String name, Outcome outcome) {
        log.add(new StepRecord(name, outcome, now));
    }

    private IllegalStateException ended() {
        return new IllegalStateException(origin.sagaId() + ": an ended saga awaits nothing");
    }

    private SagaStep<D> current() {
        return saga.steps().get(step);
    }

}
