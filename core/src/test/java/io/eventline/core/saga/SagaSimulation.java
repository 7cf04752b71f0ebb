package io.eventline.core.saga;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import io.eventline.core.decider.Reply;
import io.eventline.core.saga.SagaState.Phase;
import io.eventline.core.saga.SagaTransition.Sent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Runs a generated saga of n steps against a world that answers in a random order, with duplicates and
 * late replies, and ends the way the scenario says: every step succeeds, or step {@code stopAt} fails
 * (at one of its commands), times out, or is aborted; each compensation times out a given number of
 * times before it is answered. Command {@code step<i>.do} / {@code step<i>.undo} goes to aggregate
 * {@code s<i>-<slot>}.
 */
final class SagaSimulation {
    enum Ending { FAIL, TIMEOUT, ABORT }

    static final String ABORT_REASON = "ABORTED_BY_TEST";

    record Scenario(List<Integer> commands, int stopAt, Ending ending, int failingSlot, boolean rejectFailure,
                    List<Integer> compensationTimeouts) {
        int steps() {
            return commands.size();
        }

        boolean succeeds() {
            return stopAt == steps();
        }
    }

    record Data(String note) {
    }

    record Result(List<Sent> sent, SagaState<Data> state, int ignoredInputs) {
    }

    private final Scenario scenario;
    private final Random random;
    private final Saga<Data> saga;
    private SagaState<Data> state;
    private Instant now = Instant.parse("2026-11-22T10:00:00Z");
    private final List<Sent> sent = new ArrayList<>();
    private final List<Sent> unanswered = new ArrayList<>();
    private final List<Reply> answered = new ArrayList<>();
    private final Map<String, Integer> sends = new HashMap<>();
    private int ignored;

    SagaSimulation(Scenario scenario, Random random) {
        this.scenario = scenario;
        this.random = random;
        this.saga = new Saga<>(definition(scenario.commands()));
    }

    static SagaDefinition<Data> definition(List<Integer> commands) {
        List<SagaStep<Data>> steps = IntStream.range(0, commands.size()).mapToObj(i -> SagaStep.<Data>of("step" + i,
                        data -> commands(i, commands.get(i), "do"))
                .succeededWhen(reply -> reply.appended("did"))
                .compensatedBy("step" + i + ".undo", data -> commands(i, commands.get(i), "undo"))
                .onDoneSend(data -> List.of(command("step" + i + ".done", "saga", "")))).toList();
        return new SagaDefinition<>("simulated", Data.class, steps,
                data -> List.of(command("saga.completed", "saga", "")),
                (data, reason) -> List.of(command("saga.failed", "saga", reason)));
    }

    private static List<SagaCommand> commands(int step, int count, String verb) {
        return IntStream.range(0, count)
                .mapToObj(slot -> command("step" + step + "." + verb, "s" + step + "-" + slot, "")).toList();
    }

    private static SagaCommand command(String type, String aggregateId, String reason) {
        return new SagaCommand("simulated.commands", aggregateId, type, 1,
                JsonNodeFactory.instance.objectNode().put("reason", reason));
    }

    Result run() {
        apply(new SagaInput.Start<>("saga-1", new Data("x"), now));
        for (int round = 0; round < 10_000 && !(state.ended() && unanswered.isEmpty()); round++) {
            step();
        }
        return new Result(List.copyOf(sent), state, ignored);
    }

    private void step() {
        List<Sent> deliverable = unanswered.stream().filter(this::deliverable).toList();
        int dice = random.nextInt(10);
        if (dice == 0 && !answered.isEmpty()) {
            Reply again = answered.get(random.nextInt(answered.size()));
            expectNoChange(new SagaInput.ReplyReceived<>(again, now)); // a duplicate
        } else if (dice == 1 && state.phase() != Phase.RUNNING) {
            expectNoChange(new SagaInput.Abort<>("TOO_LATE", now));
        } else if (dice == 2) {
            apply(new SagaInput.Tick<>(now)); // the clock ticks without moving past anything new
        } else if ((dice == 3 || deliverable.isEmpty()) && abortable()) {
            apply(new SagaInput.Abort<>(ABORT_REASON, now));
        } else if (!deliverable.isEmpty()) {
            deliver(deliverable.get(random.nextInt(deliverable.size())));
        } else {
            now = Instant.ofEpochMilli(Math.max(state.deadline(), now.toEpochMilli()));
            apply(new SagaInput.Tick<>(now));
        }
        now = now.plusMillis(random.nextInt(3));
    }

    private boolean abortable() {
        return scenario.ending() == Ending.ABORT && !scenario.succeeds() && state.phase() == Phase.RUNNING
                && state.step() == scenario.stopAt();
    }

    private void deliver(Sent command) {
        unanswered.remove(command);
        Reply reply = reply(command);
        answered.add(reply);
        apply(new SagaInput.ReplyReceived<>(reply, now));
    }

    /** Whether the world answers this command now: withheld replies come only once the saga moved on. */
    private boolean deliverable(Sent command) {
        boolean pending = state.pending().stream().anyMatch(p -> p.commandId().equals(command.commandId()));
        String[] type = command.command().commandType().split("\\.");
        int step = Integer.parseInt(type[0].substring("step".length()));
        int slot = slot(command);
        if (type[1].equals("undo")) {
            return !pending || sends.get(key(command)) > scenario.compensationTimeouts().get(step);
        }
        boolean withheld = step == scenario.stopAt() && scenario.ending() != Ending.FAIL && slot == 0;
        return !pending || !withheld;
    }

    private Reply reply(Sent command) {
        String[] type = command.command().commandType().split("\\.");
        int step = Integer.parseInt(type[0].substring("step".length()));
        boolean fails = type[1].equals("do") && step == scenario.stopAt() && scenario.ending() == Ending.FAIL
                && slot(command) == Math.min(scenario.failingSlot(), scenario.commands().get(step) - 1);
        if (fails && scenario.rejectFailure()) {
            return new Reply(command.commandId(), command.command().aggregateId(), 1, NullNode.getInstance(), List.of(),
                    new Reply.Refusal("simulated.refused", null, "refused"));
        }
        return new Reply(command.commandId(), command.command().aggregateId(), 1, NullNode.getInstance(),
                fails ? List.of("did-not") : List.of("did"), null);
    }

    private void apply(SagaInput<Data> input) {
        Optional<SagaTransition<Data>> transition = saga.react(input, Optional.ofNullable(state));
        transition.ifPresentOrElse(t -> {
            state = t.state();
            for (Sent command : t.sent()) {
                sent.add(command);
                if (command.awaitsReply()) {
                    unanswered.add(command);
                    sends.merge(key(command), 1, Integer::sum);
                }
            }
        }, () -> ignored++);
    }

    private void expectNoChange(SagaInput<Data> input) {
        if (saga.react(input, Optional.of(state)).isPresent()) {
            throw new AssertionError(input + " changed the saga: " + state);
        }
        ignored++;
    }

    private static int slot(Sent command) {
        String id = command.command().aggregateId();
        return Integer.parseInt(id.substring(id.indexOf('-') + 1));
    }

    private static String key(Sent command) {
        return command.command().commandType() + "/" + command.command().aggregateId();
    }
}
