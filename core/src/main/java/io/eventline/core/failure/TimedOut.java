package io.eventline.core.failure;

/**
 * Kafka did not answer in time (a reply, a read, a send): the outcome is unknown to the caller, and
 * asking again is safe only where the ask is idempotent.
 */
public final class TimedOut extends Failure {
    public TimedOut(String message) {
        super(message, null);
    }

    public TimedOut(String message, Throwable cause) {
        super(message, cause);
    }
}
