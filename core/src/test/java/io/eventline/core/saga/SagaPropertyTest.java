package io.eventline.core.saga;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.core.saga.SagaSimulation.Ending;
import io.eventline.core.saga.SagaSimulation.Result;
import io.eventline.core.saga.SagaSimulation.Scenario;
import io.eventline.core.saga.SagaState.Phase;
import io.eventline.core.saga.SagaTransition.Sent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class SagaPropertyTest {
    @Property(tries = 1000)
    void shouldUndoExactlyWhatMayHaveActedInReverseOnceEachWhateverTheRepliesOrder(
            @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 1, max = 3) Integer> commands,
            @ForAll @IntRange(min = 0, max = 5) int stopAt,
            @ForAll Ending ending,
            @ForAll @IntRange(min = 0, max = 2) int failingSlot,
            @ForAll boolean rejectFailure,
            @ForAll @Size(5) List<@IntRange(min = 0, max = 2) Integer> compensationTimeouts,
            @ForAll long seed) {
        Scenario scenario = new Scenario(commands, Math.min(stopAt, commands.size()), ending, failingSlot,
                rejectFailure, compensationTimeouts);

        Result result = new SagaSimulation(scenario, new Random(seed)).run();

        assertThat(result.state().ended()).as("ended").isTrue();
        assertThat(result.sent()).extracting(Sent::commandId).doesNotHaveDuplicates();
        assertActionsSentOnce(scenario, result);
        assertCompensations(scenario, result);
        assertEndedOnce(scenario, result);
    }

    private static void assertActionsSentOnce(Scenario scenario, Result result) {
        List<String> expected = new ArrayList<>();
        int lastStarted = Math.min(scenario.stopAt(), scenario.steps() - 1);
        IntStream.rangeClosed(0, lastStarted).forEach(step -> IntStream.range(0, scenario.commands().get(step))
                .forEach(slot -> expected.add("step" + step + ".do s" + step + "-" + slot)));
        assertThat(describe(result.sent(), type -> type.endsWith(".do"))).containsExactlyElementsOf(expected);
    }

    private static void assertCompensations(Scenario scenario, Result result) {
        List<Integer> undone = expectedCompensations(scenario);
        List<String> undoneNames = undone.stream().map(step -> "step" + step + ".undo").toList();
        // In the order sent, each compensation's commands (tries included) come before the next one's.
        List<String> sentOrder = result.sent().stream().map(s -> s.command().commandType())
                .filter(type -> type.endsWith(".undo")).distinct().toList();
        assertThat(sentOrder).containsExactlyElementsOf(undoneNames);
        assertThat(result.sent().stream().map(s -> s.command().commandType()).filter(type -> type.endsWith(".undo"))
                .toList()).isSortedAccordingTo((a, b) -> undoneNames.indexOf(a) - undoneNames.indexOf(b));
        for (int step : undone) {
            int tries = scenario.compensationTimeouts().get(step) + 1;
            assertThat(describe(result.sent(), ("step" + step + ".undo")::equals))
                    .hasSize(scenario.commands().get(step) * tries);
        }
        assertThat(result.state().log().stream()
                .filter(line -> line.step().endsWith(".undo") && line.outcome() == StepRecord.Outcome.DONE)
                .map(StepRecord::step)).containsExactlyElementsOf(undoneNames);
        assertThat(result.state().compensations()).isEmpty();
        assertThat(result.state().pending()).isEmpty();
    }

    /** The rule: the completed steps in reverse, after the stopped step itself unless it failed alone. */
    private static List<Integer> expectedCompensations(Scenario scenario) {
        List<Integer> undone = new ArrayList<>();
        if (scenario.succeeds()) {
            return undone;
        }
        int stop = scenario.stopAt();
        if (scenario.ending() != Ending.FAIL || scenario.commands().get(stop) > 1) {
            undone.add(stop);
        }
        IntStream.iterate(stop - 1, step -> step >= 0, step -> step - 1).forEach(undone::add);
        return undone;
    }

    private static void assertEndedOnce(Scenario scenario, Result result) {
        Sent last = result.sent().getLast();
        if (scenario.succeeds()) {
            assertThat(result.state().phase()).isEqualTo(Phase.COMPLETED);
            assertThat(last.command().commandType()).isEqualTo("saga.completed");
        } else {
            String reason = switch (scenario.ending()) {
                case FAIL -> "STEP" + scenario.stopAt() + "_FAILED";
                case TIMEOUT -> Saga.TIMED_OUT;
                case ABORT -> SagaSimulation.ABORT_REASON;
            };
            assertThat(result.state().phase()).isEqualTo(Phase.FAILED);
            assertThat(last.command().commandType()).isEqualTo("saga.failed");
            assertThat(last.command().data().get("reason").textValue()).isEqualTo(reason);
        }
        assertThat(describe(result.sent(), type -> type.startsWith("saga."))).hasSize(1);
    }

    private static List<String> describe(List<Sent> sent, Predicate<String> type) {
        return sent.stream().filter(s -> type.test(s.command().commandType()))
                .map(s -> s.command().commandType() + " " + s.command().aggregateId()).toList();
    }
}
