package io.eventline.app.broker;

/**
 * The embedded broker could not start. The message is meant for the person starting Eventline: it
 * says what went wrong and, where it can, what to change. When this is thrown, the broker's
 * threads have already been stopped, so the JVM can exit.
 */
public final class BrokerStartException extends RuntimeException {

    BrokerStartException(String message) {
        super(message);
    }

    BrokerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
