package io.eventline.core.saga;

import java.util.Objects;

/**
 * One line of a saga's log: a step or a compensation (by its compensation name, e.g.
 * {@code payment.refund}), how it ended, and when (epoch milliseconds, wall clock of the orchestrator).
 */
public record StepRecord(String step, Outcome outcome, long at) {
    public enum Outcome {
        /** Every reply succeeded (for a compensation: every reply came and none was a rejection). */
        DONE,
        /** A reply did not succeed (for a compensation: a reply was a rejection; the saga went on). */
        FAILED,
        /** Replies were still missing at the deadline; a compensation is then sent again. */
        TIMED_OUT,
        /** An outside abort arrived while the step was pending. */
        ABORTED
    }

    public StepRecord {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(outcome, "outcome");
    }
}
