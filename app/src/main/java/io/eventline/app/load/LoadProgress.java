package io.eventline.app.load;

import java.util.Map;

/**
 * Where a load stands. Latency is from the moment an order was meant to go out (open model: a slow
 * answer does not delay the next order, nor hide its wait) to the moment its outcome was read.
 *
 * @param run the prefix of the load's ids ({@code load-…-o17} is one of its orders)
 * @param sent orders posted so far
 * @param done orders whose outcome was read
 * @param failed orders refused, answered with an error, or without an outcome in time
 * @param outcomes {@code SHIPPED} or the cancel reason, with how many orders ended so
 * @param throughput orders done per second since the first was meant to go out
 * @param recent the latencies of the orders that ended in the last {@link LoadGenerator#RECENT}
 * @param error why the load stopped, or why the last order that failed did; null when nothing failed
 */
public record LoadProgress(String run, Phase phase, int orders, int rate, long sent, long done, long failed,
                           Map<String, Long> outcomes, double elapsedSeconds, double throughput,
                           Percentiles latency, Percentiles recent, String error) {
    /** {@code IDLE}: no load has run yet. */
    public enum Phase { IDLE, SETTING_UP, PLACING, FINISHED, FAILED, STOPPED }

    /** Where things stand before any load. */
    public static final LoadProgress IDLE = new LoadProgress(null, Phase.IDLE, 0, 0, 0, 0, 0, Map.of(), 0, 0,
            Percentiles.NONE, Percentiles.NONE, null);

    public LoadProgress {
        outcomes = Map.copyOf(outcomes);
    }

    public boolean running() {
        return phase == Phase.SETTING_UP || phase == Phase.PLACING;
    }
}
