package io.eventline.core.envelope;

/** A record value that is not an event envelope: bad JSON, a missing field or a wrong type. */
public final class MalformedEnvelopeException extends RuntimeException {
    public MalformedEnvelopeException(String message) {
        super(message);
    }

    public MalformedEnvelopeException(String message, Throwable cause) {
        super(message, cause);
    }
}
