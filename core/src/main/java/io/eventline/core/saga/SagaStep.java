package io.eventline.core.saga;

import io.eventline.core.decider.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One step of a saga: an action (one command or several, e.g. one per item), how to tell that a reply
 * means it worked, and how to undo it. Built with {@link #of} and the {@code with}-style methods below;
 * every function is of the saga's data only, so that a step sends the same commands whenever it runs.
 *
 * <p>The step is done when every action command got a reply that {@link #succeeded()} accepts (a
 * rejection never succeeds); it fails at the first reply that does not. A failing reply is taken to
 * mean that its command did nothing.
 *
 * <p>A compensation must be idempotent and harmless when the action did nothing, and must go to the
 * same aggregates (topic and key) as the action: the saga sends it after the action on the same
 * partition, so it lands after it and undoes it even when the action's reply never came.
 *
 * {@snippet :
 * SagaStep<Purchase> charge = SagaStep.<Purchase>of("charge",
 *                 p -> List.of(SagaCommand.of(WALLETS, p.walletId(), new Charge(p.amount()))))
 *         .succeededWhen(reply -> reply.appended("wallet.charged"))
 *         .failsWith("CHARGE_FAILED")
 *         .compensatedBy("charge.refund",
 *                 p -> List.of(SagaCommand.of(WALLETS, p.walletId(), new Refund(p.amount()))))
 *         .onDoneSend(p -> List.of(SagaCommand.of(PURCHASES, p.id(), new MarkPaid())))
 *         .timesOutAfter(Duration.ofSeconds(30));
 * }
 *
 * @param compensationName how the compensation appears in the saga's log, e.g. {@code payment.refund};
 *     null, with {@code compensation}, for a step that needs no undoing
 * @param onDone commands sent, fire and forget, when the step is done
 */
public record SagaStep<D>(String name, Function<D, List<SagaCommand>> action, Predicate<Reply> succeeded,
                          String failureReason, Duration timeout, String compensationName,
                          Function<D, List<SagaCommand>> compensation, Function<D, List<SagaCommand>> onDone) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern COMPENSATION_NAME = Pattern.compile("[a-z][a-z0-9.-]*");
    /** Long enough for a commit interval and a rebalance; a step that calls out to a slow world sets its own. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public SagaStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(succeeded, "succeeded");
        Objects.requireNonNull(failureReason, "failureReason");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(onDone, "onDone");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: lower-case letters, digits and '-', was " + name);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(name + ": timeout must be positive, was " + timeout);
        }
        if ((compensationName == null) != (compensation == null)) {
            throw new IllegalArgumentException(name + ": a compensation needs both a name and commands");
        }
        if (compensationName != null && !COMPENSATION_NAME.matcher(compensationName).matches()) {
            throw new IllegalArgumentException(name + ": compensation name: lower-case letters, digits, '.' and '-',"
                    + " was " + compensationName);
        }
    }

    /**
     * A step that succeeds when its commands are accepted, fails with {@code <NAME>_FAILED}, times out
     * after {@link #DEFAULT_TIMEOUT}, has no compensation and notifies no one.
     */
    public static <D> SagaStep<D> of(String name, Function<D, List<SagaCommand>> action) {
        return new SagaStep<>(name, action, Reply::accepted,
                name.toUpperCase(Locale.ROOT).replace('-', '_') + "_FAILED", DEFAULT_TIMEOUT, null, null,
                data -> List.of());
    }

    /** When an accepted reply still means the action did not happen, e.g. {@code payment.failed} appended. */
    public SagaStep<D> succeededWhen(Predicate<Reply> succeeded) {
        return new SagaStep<>(name, action, succeeded, failureReason, timeout, compensationName, compensation, onDone);
    }

    /** The reason the saga fails with, handed to {@link SagaDefinition#onFailed()}, when this step fails. */
    public SagaStep<D> failsWith(String reason) {
        return new SagaStep<>(name, action, succeeded, reason, timeout, compensationName, compensation, onDone);
    }

    /** How long the step's replies, and its compensation's, may take. */
    public SagaStep<D> timesOutAfter(Duration limit) {
        return new SagaStep<>(name, action, succeeded, failureReason, limit, compensationName, compensation, onDone);
    }

    public SagaStep<D> compensatedBy(String logName, Function<D, List<SagaCommand>> commands) {
        return new SagaStep<>(name, action, succeeded, failureReason, timeout, logName, commands, onDone);
    }

    /** A compensation logged as {@code <name>.compensate}. */
    public SagaStep<D> compensatedBy(Function<D, List<SagaCommand>> commands) {
        return compensatedBy(name + ".compensate", commands);
    }

    public SagaStep<D> onDoneSend(Function<D, List<SagaCommand>> commands) {
        return new SagaStep<>(name, action, succeeded, failureReason, timeout, compensationName, compensation,
                commands);
    }

    public boolean compensable() {
        return compensation != null;
    }
}
