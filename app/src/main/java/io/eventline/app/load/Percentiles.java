package io.eventline.app.load;

/** Latencies of a set of orders, in milliseconds, by nearest rank; all 0 when there are none. */
public record Percentiles(int count, double p50, double p95, double p99, double p999, double max) {
    public static final Percentiles NONE = new Percentiles(0, 0, 0, 0, 0, 0);

    /** @param sortedMicros latencies in microseconds, ascending */
    static Percentiles of(long[] sortedMicros) {
        int n = sortedMicros.length;
        if (n == 0) {
            return NONE;
        }
        return new Percentiles(n, rank(sortedMicros, 0.50), rank(sortedMicros, 0.95), rank(sortedMicros, 0.99),
                rank(sortedMicros, 0.999), sortedMicros[n - 1] / 1000.0);
    }

    private static double rank(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1000.0;
    }
}
