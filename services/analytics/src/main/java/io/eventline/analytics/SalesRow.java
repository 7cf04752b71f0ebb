package io.eventline.analytics;

import io.eventline.contracts.Money;
import io.eventline.core.envelope.Timestamps;
import java.time.Instant;
import java.util.Map;

/**
 * One sku's figures in one window, as the API answers them:
 * {@code {sku, windowStart, windowEnd, units, orders, revenue: {EUR: 12.50, …}}}; the window is
 * {@code [windowStart, windowEnd)}, ISO-8601 UTC with milliseconds.
 */
record SalesRow(String sku, String windowStart, String windowEnd, long units, long orders,
                Map<String, Money> revenue) {
    static SalesRow of(String sku, Instant windowStart, SalesFigures figures) {
        return new SalesRow(sku, Timestamps.format(windowStart),
                Timestamps.format(windowStart.plus(SalesAnalytics.WINDOW)),
                figures.units(), figures.orders(), figures.revenue());
    }
}
