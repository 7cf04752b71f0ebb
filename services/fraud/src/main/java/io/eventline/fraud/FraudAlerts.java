package io.eventline.fraud;

import io.eventline.core.envelope.Timestamps;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * One customer's alerts, newest first: the value of {@code fraud-alerts}, as JSON.
 *
 * <p>A burst of orders breaks a rule in many overlapping windows: with sliding windows, every order
 * past the limit ends a window that is over it. One alert per window would be a flood, so a customer
 * gets at most one alert per rule and <em>period</em> (the rule's window length, aligned to the epoch
 * like tumbling windows): a burst raises one alert, a burst that goes on raises one per period. The
 * alert kept is the period's earliest-ending window over the limit, with its latest figures. That
 * choice depends only on which windows are over the limit, never on the order in which they were
 * seen, so an instance that reads the history late and out of order keeps the same alerts.
 */
record FraudAlerts(List<FraudAlert> alerts) {
    /** Beyond this, a customer's oldest alerts are dropped: the store stays bounded per customer. */
    static final int MAX_PER_CUSTOMER = 100;
    static final FraudAlerts NONE = new FraudAlerts(List.of());
    static final Comparator<FraudAlert> NEWEST_FIRST =
            Comparator.comparing(FraudAlert::windowEnd).reversed().thenComparing(FraudAlert::rule);

    FraudAlerts {
        alerts = List.copyOf(alerts); // records are only shallowly immutable
    }

    /** @param period the rules' window: one alert per rule and period of this length */
    FraudAlerts with(FraudAlert candidate, Duration period) {
        List<FraudAlert> next = new ArrayList<>(alerts);
        for (int i = 0; i < next.size(); i++) {
            FraudAlert held = next.get(i);
            if (held.rule() == candidate.rule() && period(held, period) == period(candidate, period)) {
                // Same window end means same window: the window grew, so its figures are newer.
                if (candidate.windowEnd().compareTo(held.windowEnd()) > 0) {
                    return this;
                }
                next.set(i, candidate);
                return sorted(next);
            }
        }
        next.add(candidate);
        return sorted(next);
    }

    /**
     * Whether every rule already has an alert, in the period of a window ending at {@code windowEnd}, for
     * a window that ends earlier: {@link #with} keeps a period's earliest-ending window, so no figures of
     * this one can change the alerts, and they need not be added up. A customer placing orders far over
     * the limit would otherwise cost a read of every order in the window per order.
     */
    boolean decide(long windowEnd, Duration period) {
        long target = Math.floorDiv(windowEnd, period.toMillis());
        EnumSet<FraudAlert.Rule> held = EnumSet.noneOf(FraudAlert.Rule.class);
        for (FraudAlert alert : alerts) {
            long end = Timestamps.parse(alert.windowEnd()).toEpochMilli();
            if (Math.floorDiv(end, period.toMillis()) == target && end < windowEnd) {
                held.add(alert.rule());
            }
        }
        return held.size() == FraudAlert.Rule.values().length;
    }

    private static long period(FraudAlert alert, Duration period) {
        return Math.floorDiv(Timestamps.parse(alert.windowEnd()).toEpochMilli(), period.toMillis());
    }

    private static FraudAlerts sorted(List<FraudAlert> alerts) {
        alerts.sort(NEWEST_FIRST);
        return new FraudAlerts(alerts.subList(0, Math.min(alerts.size(), MAX_PER_CUSTOMER)));
    }
}
