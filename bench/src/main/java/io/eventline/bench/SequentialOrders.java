package io.eventline.bench;

import java.util.Arrays;

/**
 * Orders placed one after another on an idle saga, each awaited until it shipped: what one customer
 * waits when nobody else is ordering. Milliseconds; {@code failed} orders (not shipped in time, or
 * cancelled) are not in the figures, which are NaN when no order shipped.
 */
record SequentialOrders(int orders, double median, double max, int failed) {
    static SequentialOrders of(double[] shippedMillis, int failed) {
        double[] sorted = shippedMillis.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        if (n == 0) {
            return new SequentialOrders(0, Double.NaN, Double.NaN, failed);
        }
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new SequentialOrders(n, median, sorted[n - 1], failed);
    }
}
