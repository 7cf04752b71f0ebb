package io.eventline.core.retry;

/** A side effect that failed for now: the target is down or slow; it is retried with backoff. */
public final class TransientEffectException extends RuntimeException {
    public TransientEffectException(String message, Throwable cause) {
        super(message, cause);
    }

    public TransientEffectException(String message) {
        super(message);
    }
}
