package io.eventline.core.failure;

/** What was asked for does not exist: no such dead letter, no such view, no such key. */
public final class NotFound extends Failure {
    public NotFound(String message) {
        super(message, null);
    }
}
