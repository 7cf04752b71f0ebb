package io.eventline.fraud;

import io.eventline.contracts.Money;
import io.eventline.core.envelope.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A customer broke a rule within a window, as stored and as the API answers it:
 * {@code {customerId, windowStart, windowEnd, orders, amount: {EUR: 2100.00, …}, rule}}. The window
 * is {@code [windowStart, windowEnd]}, both ends included, and ends at the order that broke the rule;
 * timestamps are ISO-8601 UTC with milliseconds (fixed width, so their strings sort as instants do).
 */
record FraudAlert(String customerId, String windowStart, String windowEnd, long orders,
                  SortedMap<String, Money> amount, Rule rule) {
    /** Which limit of {@link FraudRules} the window went over. */
    enum Rule {
        TOO_MANY_ORDERS,
        AMOUNT_TOO_HIGH
    }

    FraudAlert {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        amount = Collections.unmodifiableSortedMap(new TreeMap<>(amount));
        Objects.requireNonNull(rule, "rule");
    }

    static FraudAlert of(String customerId, Instant windowEnd, Duration window, FraudFigures figures, Rule rule) {
        return new FraudAlert(customerId, Timestamps.format(windowEnd.minus(window)), Timestamps.format(windowEnd),
                figures.orders(), figures.amount(), rule);
    }
}
