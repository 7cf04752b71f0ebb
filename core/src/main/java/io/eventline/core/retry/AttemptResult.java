package io.eventline.core.retry;

/** What one attempt at a side effect came to. */
sealed interface AttemptResult {
    record Succeeded() implements AttemptResult {
    }

    /** Trying again later may succeed: the target is down or slow. */
    record Transient(String error) implements AttemptResult {
    }

    /** Trying again will not help until someone fixes something: dead-lettered at once. */
    record Permanent(String error) implements AttemptResult {
    }

    /** Performs the effect once, on the calling thread, and classifies how it ended. */
    static <T> AttemptResult perform(SideEffect<T> effect, String idempotencyKey, T payload) {
        try {
            effect.perform(idempotencyKey, payload);
            return new Succeeded();
        } catch (TransientEffectException e) {
            return new Transient(describe(e));
        } catch (RuntimeException e) {
            return new Permanent(describe(e));
        }
    }

    /** The error on one line: it becomes a header and a log line. */
    static String describe(Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        String line = message.lines().findFirst().orElse("").strip();
        return line.length() <= 500 ? line : line.substring(0, 500) + "…";
    }
}
