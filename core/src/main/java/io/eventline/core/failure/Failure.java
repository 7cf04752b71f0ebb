package io.eventline.core.failure;

/**
 * Why the library could not do what it was asked, in its own terms: the thing is unknown
 * ({@link NotFound}), the ask conflicts with what already happened ({@link Rejected}), an argument is
 * out of its range ({@link InvalidField}), a store or view is still starting ({@link NotReady}), or
 * Kafka did not answer in time ({@link TimedOut}). Sealed, so that whoever turns them into answers
 * (an HTTP problem, a gRPC status, an exit code) handles each kind, and the compiler says when one is
 * added.
 *
 * <p>These are answers, not bugs: the message is meant for the caller and names what was asked; a
 * cause, when there is one, is kept for logs.
 *
 * {@snippet :
 * try {
 *     deadLetters.replay(id);
 * } catch (Failure failure) {
 *     int status = switch (failure) {
 *         case NotFound f -> 404;
 *         case Rejected f -> 409;
 *         case InvalidField f -> 400;
 *         case NotReady f -> 503;
 *         case TimedOut f -> 503;
 *     };
 * }
 * }
 */
public abstract sealed class Failure extends RuntimeException
        permits NotFound, Rejected, InvalidField, NotReady, TimedOut {

    Failure(String message, Throwable cause) {
        super(message, cause);
    }
}
