package io.eventline.core.saga;

import io.eventline.core.kafka.Topic;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A saga: its steps in order, and the commands it sends, fire and forget, when it ends. Its name names
 * its state store ({@code <name>-state}), its reply topic ({@code <name>.replies}) and its nodes.
 *
 * <p>Renaming the saga, a step or a compensation, or reordering steps, changes how stored sagas read:
 * treat it as a migration of the sagas still running.
 *
 * @param dataType the record the saga carries from start to end (JSON with core's {@code Json})
 * @param onFailed called with the failure reason: the failed step's {@link SagaStep#failureReason()},
 *     {@code TIMED_OUT}, or an abort's reason
 */
public record SagaDefinition<D>(String name, Class<D> dataType, List<SagaStep<D>> steps,
                                Function<D, List<SagaCommand>> onCompleted,
                                BiFunction<D, String, List<SagaCommand>> onFailed) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    public SagaDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(onCompleted, "onCompleted");
        Objects.requireNonNull(onFailed, "onFailed");
        steps = List.copyOf(steps);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: lower-case letters, digits and '-', was " + name);
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException(name + ": a saga needs at least one step");
        }
        Set<String> logNames = new HashSet<>();
        for (SagaStep<D> step : steps) {
            // The log and the state name steps and compensations: two alike could not be told apart.
            requireUnique(logNames, step.name());
            if (step.compensable()) {
                requireUnique(logNames, step.compensationName());
            }
        }
    }

    private void requireUnique(Set<String> seen, String logName) {
        if (!seen.add(logName)) {
            throw new IllegalArgumentException(name + ": two steps or compensations are named " + logName);
        }
    }

    public String stateStore() {
        return name + "-state";
    }

    /** Where its steps' replies come back, keyed like the saga (the trigger topics' key). */
    public Topic replies() {
        return Topic.replies(name + ".replies", "the saga's key");
    }

    public String replyTopic() {
        return replies().name();
    }

    SagaStep<D> step(String stepName) {
        return steps.stream().filter(step -> step.name().equals(stepName)).findFirst()
                .orElseThrow(() -> new IllegalStateException(name + ": no step " + stepName
                        + " (a stored saga names a step this definition no longer has)"));
    }
}
