package io.eventline.core.projection;

import java.time.Instant;
import java.util.Objects;

/**
 * A view as stored: the view, how many events made it ({@code version}: a reader can ask for at least
 * the version its write produced), and the time of the last one.
 */
public record Projected<V>(V view, long version, Instant updated) {
    public Projected {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(updated, "updated");
    }
}
