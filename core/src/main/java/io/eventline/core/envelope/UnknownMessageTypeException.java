package io.eventline.core.envelope;

/** A message whose type or version this consumer's catalogue does not know. */
public final class UnknownMessageTypeException extends RuntimeException {
    public UnknownMessageTypeException(String message) {
        super(message);
    }
}
