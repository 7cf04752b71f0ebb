package io.eventline.core.projection;

import java.time.Duration;

/** A pause between two looks; an interrupt ends the look as a failure. */
final class Pause {
    private Pause() {
    }

    static void of(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
