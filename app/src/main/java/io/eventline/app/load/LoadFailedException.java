package io.eventline.app.load;

/** A call the load needed was refused: what was asked and what came back. */
final class LoadFailedException extends RuntimeException {
    LoadFailedException(String message) {
        super(message, null, false, false);
    }
}
