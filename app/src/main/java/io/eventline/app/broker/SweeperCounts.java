package io.eventline.app.broker;

/**
 * What the hanging-transaction sweeper did since the broker started: transactions closed with a commit
 * or an abort marker, reported and left open, and looks that failed (made again at the next one).
 */
public record SweeperCounts(long committed, long aborted, long reported, long failedLooks) {
    public static final SweeperCounts NONE = new SweeperCounts(0, 0, 0, 0);
}
