package io.eventline.analytics;

import io.eventline.http.ApiException;
import java.time.Duration;
import java.time.Instant;

/**
 * The windows a sales query asks for: those starting within {@code [from, to]}. Without {@code to},
 * up to now; without {@code from}, the hour before {@code to}: real-time figures by default, and a
 * bounded answer (at most 60 windows per sku) unless a longer period is asked for. The store keeps
 * {@link SalesAnalytics#RETENTION} of figures; older windows are simply absent.
 */
record SalesPeriod(Instant from, Instant to) {
    static final Duration DEFAULT_SPAN = Duration.ofHours(1);

    /** @throws ApiException 400 naming {@code from} when it is after {@code to} */
    static SalesPeriod of(Instant from, Instant to, Instant now) {
        Instant end = to == null ? now : to;
        Instant start = from == null ? end.minus(DEFAULT_SPAN) : from;
        if (start.isAfter(end)) {
            throw ApiException.badRequest("from", "must not be after to (" + end + ")");
        }
        return new SalesPeriod(start, end);
    }
}
