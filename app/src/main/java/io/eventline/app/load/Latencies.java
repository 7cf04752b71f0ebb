package io.eventline.app.load;

import java.util.Arrays;

/**
 * The latency of every order that ended, with when it ended, so that percentiles can be asked of the
 * whole run or of its last seconds. Times are taken under the lock, so they are in order and the last
 * seconds are a suffix. Two longs per order: 16 MB for the largest load.
 */
final class Latencies {
    private long[] endedAt = new long[1024];
    private long[] micros = new long[1024];
    private int size;
    private int sortedSize = -1;
    private Percentiles sorted = Percentiles.NONE;

    /** Records an order that ended now, {@code startedAt} being when it was meant to go out. */
    synchronized void record(long startedAtNanos) {
        long now = System.nanoTime();
        if (size == endedAt.length) {
            endedAt = Arrays.copyOf(endedAt, size * 2);
            micros = Arrays.copyOf(micros, size * 2);
        }
        endedAt[size] = now;
        micros[size] = Math.max(0, (now - startedAtNanos) / 1000);
        size++;
    }

    /** The whole run's; computed again only when orders ended since it was last asked. */
    synchronized Percentiles all() {
        if (sortedSize != size) {
            sorted = percentiles(0);
            sortedSize = size;
        }
        return sorted;
    }

    /** Those of the orders that ended at or after {@code sinceNanos}. */
    synchronized Percentiles since(long sinceNanos) {
        int from = size;
        while (from > 0 && endedAt[from - 1] >= sinceNanos) {
            from--;
        }
        return percentiles(from);
    }

    private Percentiles percentiles(int from) {
        long[] window = Arrays.copyOfRange(micros, from, size);
        Arrays.sort(window);
        return Percentiles.of(window);
    }
}
