package io.eventline.bench;

import java.time.Duration;

/** Waits between two looks at something the bench polls (offsets, a state): never to wait for an outcome. */
final class Pause {
    private Pause() {
    }

    static void of(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            throw Cluster.interrupted(e);
        }
    }
}
