package io.eventline.fraud;

import io.eventline.contracts.Money;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A customer's orders in one sliding window: how many, their total per currency, and when the last
 * of them was placed. Added up from the orders {@link WindowedAlerts} keeps; never stored itself.
 *
 * @param lastOrderAt epoch milliseconds of the latest order in the window: the window's end
 */
record FraudFigures(long orders, SortedMap<String, Money> amount, long lastOrderAt) {
    static final FraudFigures NONE = new FraudFigures(0, new TreeMap<>(), Long.MIN_VALUE);

    FraudFigures {
        amount = Collections.unmodifiableSortedMap(new TreeMap<>(amount));
    }

    FraudFigures plus(PlacedOrder order) {
        SortedMap<String, Money> next = new TreeMap<>(amount);
        next.merge(order.currency(), order.total(), Money::plus);
        return new FraudFigures(orders + 1, next, Math.max(lastOrderAt, order.placedAt()));
    }
}
