package io.eventline.fraud;

import io.eventline.contracts.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What counts as suspicious: more than {@code maxOrders} orders, or more than {@code maxAmount} in
 * one currency, placed by one customer within {@code window} (orders at most {@code window} apart).
 * Amounts are never added across currencies, as the platform has no exchange rates: the limit
 * applies to each currency's total on its own.
 */
public record FraudRules(int maxOrders, Money maxAmount, Duration window) {
    /** More than 5 orders, or more than 2,000.00, within one minute. */
    public static final FraudRules DEFAULTS =
            new FraudRules(5, Money.of(new BigDecimal("2000.00")), Duration.ofMinutes(1));

    public FraudRules {
        if (maxOrders < 1) {
            throw new IllegalArgumentException("maxOrders: at least 1, was " + maxOrders);
        }
        Objects.requireNonNull(maxAmount, "maxAmount");
        if (!maxAmount.isPositive()) {
            throw new IllegalArgumentException("maxAmount: greater than 0, was " + maxAmount);
        }
        Objects.requireNonNull(window, "window");
        // Kafka record timestamps are milliseconds, so windows are too.
        if (window.compareTo(Duration.ofMillis(1)) < 0 || window.toNanosPart() % 1_000_000 != 0) {
            throw new IllegalArgumentException("window: whole milliseconds, at least 1 ms, was " + window);
        }
    }

    /** The rules a window's figures break, in the order of {@link FraudAlert.Rule}. */
    List<FraudAlert.Rule> brokenBy(FraudFigures figures) {
        List<FraudAlert.Rule> broken = new ArrayList<>();
        if (figures.orders() > maxOrders) {
            broken.add(FraudAlert.Rule.TOO_MANY_ORDERS);
        }
        if (figures.amount().values().stream().anyMatch(total -> total.compareTo(maxAmount) > 0)) {
            broken.add(FraudAlert.Rule.AMOUNT_TOO_HIGH);
        }
        return broken;
    }
}
