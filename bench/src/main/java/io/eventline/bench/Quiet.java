package io.eventline.bench;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Waits until nothing is written any more: the end offsets of every topic unchanged for a while. The
 * services downstream of an order's end (notifications, analytics, read models) finish their part,
 * so that a phase neither counts nor competes with the previous one's tail.
 */
final class Quiet {
    private Quiet() {
    }

    /**
     * @return when the last write was seen ({@link System#nanoTime()}, to the 200 ms between looks), or
     *     empty when writes had not stopped within {@code limit}
     */
    static OptionalLong await(Cluster cluster, Duration stableFor, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        long last = -1;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = cluster.endOffsets(cluster.topics()).values().stream().mapToLong(Long::longValue).sum();
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince >= stableFor.toNanos()) {
                return OptionalLong.of(stableSince);
            }
            Pause.of(Duration.ofMillis(200));
        }
        return OptionalLong.empty();
    }
}
