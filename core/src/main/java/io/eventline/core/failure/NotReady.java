package io.eventline.core.failure;

/**
 * A store, view or client this needs is not ready yet (restoring, rebalancing, starting): the same
 * ask later will likely succeed.
 */
public final class NotReady extends Failure {
    public NotReady(String message) {
        super(message, null);
    }

    public NotReady(String message, Throwable cause) {
        super(message, cause);
    }
}
