package io.eventline.core.saga;

import com.fasterxml.jackson.databind.node.NullNode;
import io.eventline.core.decider.Reply;
import io.eventline.core.saga.SagaTransition.Sent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Drives the pure saga by hand: one input at a time, the state kept, every command sent remembered. */
final class SagaHarness<D> {
    private final Saga<D> saga;
    private Optional<SagaState<D>> state = Optional.empty();
    private Instant now;
    private final List<Sent> sent = new ArrayList<>();
    private boolean changed;

    SagaHarness(SagaDefinition<D> definition, Instant start) {
        this.saga = new Saga<>(definition);
        this.now = start;
    }

    List<Sent> start(String sagaId, D data) {
        return apply(new SagaInput.Start<>(sagaId, data, now));
    }

    /** An accepted reply to {@code command}, which appended events of the given types. */
    List<Sent> accept(Sent command, String... events) {
        return apply(new SagaInput.ReplyReceived<>(reply(command, List.of(events), null), now));
    }

    List<Sent> reject(Sent command, String code) {
        Reply refused = reply(command, List.of(), new Reply.Refusal(code, null, code));
        return apply(new SagaInput.ReplyReceived<>(refused, now));
    }

    List<Sent> tickAfter(Duration elapsed) {
        now = now.plus(elapsed);
        return apply(new SagaInput.Tick<>(now));
    }

    List<Sent> abort(String reason) {
        return apply(new SagaInput.Abort<>(reason, now));
    }

    List<Sent> apply(SagaInput<D> input) {
        Optional<SagaTransition<D>> transition = saga.react(input, state);
        changed = transition.isPresent();
        transition.ifPresent(t -> {
            state = Optional.of(t.state());
            sent.addAll(t.sent());
        });
        return transition.map(SagaTransition::sent).orElse(List.of());
    }

    /** Accepts every awaited command, one at a time, until the saga awaits nothing; returns what that sent. */
    List<Sent> acceptAll() {
        List<Sent> all = new ArrayList<>();
        while (!state().pending().isEmpty()) {
            all.addAll(accept(awaited().getFirst()));
        }
        return all;
    }

    /** Accepts the commands awaited now (those of one step or compensation); returns what that sent. */
    List<Sent> acceptStep() {
        List<Sent> all = new ArrayList<>();
        for (Sent command : awaited()) {
            all.addAll(accept(command));
        }
        return all;
    }

    /** The commands the saga awaits now, in the order sent. */
    List<Sent> awaited() {
        return state().pending().stream().map(p -> byId(p.commandId())).toList();
    }

    Sent byId(String commandId) {
        return sent.stream().filter(s -> s.commandId().equals(commandId)).findFirst().orElseThrow();
    }

    boolean changed() {
        return changed;
    }

    SagaState<D> state() {
        return state.orElseThrow();
    }

    Instant now() {
        return now;
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    static Reply reply(Sent command, List<String> events, Reply.Refusal refusal) {
        return new Reply(command.commandId(), command.command().aggregateId(), 1, NullNode.getInstance(), events,
                refusal);
    }

    /** {@code type aggregateId}, and {@code (notify)} for a command whose reply no one awaits. */
    static String describe(Sent sent) {
        return sent.command().commandType() + " " + sent.command().aggregateId()
                + (sent.awaitsReply() ? "" : " (notify)");
    }

    static List<String> describe(List<Sent> sent) {
        return sent.stream().map(SagaHarness::describe).toList();
    }
}
