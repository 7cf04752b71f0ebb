package io.eventline.core.retry;

/**
 * How an effect ended, kept in the done store under its event id, in the place of the pending effect
 * ({@link EffectValues}): a redelivered event that finds its outcome is not performed again. Only a
 * replay from the dead-letter queue tries a dead-lettered one again.
 *
 * @param attempts how many attempts it took
 * @param error the last error of a dead-lettered effect; null when done
 */
record EffectOutcome(Kind kind, int attempts, String error) {
    enum Kind { DONE, DEAD_LETTERED }

    static EffectOutcome done(int attempts) {
        return new EffectOutcome(Kind.DONE, attempts, null);
    }

    static EffectOutcome deadLettered(int attempts, String error) {
        return new EffectOutcome(Kind.DEAD_LETTERED, attempts, error);
    }
}
