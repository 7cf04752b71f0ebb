package io.eventline.core.envelope;

/** A message of a known type and version whose data does not fit that type. */
public final class MalformedMessageException extends RuntimeException {
    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
