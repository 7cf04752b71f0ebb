package io.eventline.fraud;

import io.eventline.contracts.Money;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The figures of each customer's latest window, moved along as that customer's orders arrive in time
 * order: the window ending at a new order is the latest one, less the stored orders that fell out of
 * it, plus the new order. So an order costs a read of the orders that leave the window (about one),
 * not of every order in it: a customer placing orders at a high rate would otherwise cost a read of
 * hundreds of orders per order, the work of one order growing with that customer's rate.
 *
 * <p>A cache of what the store holds, never logged: it starts empty in each task's processor (a task
 * restored, revived after an aborted transaction or moved starts again from the store), forgets a
 * customer whose order arrives late (such orders change earlier windows: {@link WindowedAlerts} adds
 * those up from the store), and keeps at most {@link #MAX_CUSTOMERS} customers, the least recently
 * seen forgotten first. A customer forgotten costs one read of a whole window at the next order.
 *
 * <p>It holds for a customer only while every order of theirs in the store is at most the latest
 * window's end, which {@link #figures} is only asked for when true: an order at or after that end
 * (no stored order is later), or the first one seen with no later order stored.
 */
final class LatestWindows {
    static final int MAX_CUSTOMERS = 10_000;

    /** The stored orders of a customer placed within {@code [from, to]}, both ends included, oldest first. */
    interface StoredOrders {
        void forEach(String customerId, long from, long to, Consumer<PlacedOrder> action);
    }

    private final StoredOrders stored;
    private final long windowMillis;
    private final Map<String, Window> latest = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
            return size() > MAX_CUSTOMERS;
        }
    };

    LatestWindows(StoredOrders stored, long windowMillis) {
        this.stored = stored;
        this.windowMillis = windowMillis;
    }

    /** Whether no stored order of this customer is later than {@code at}, as far as this knows without a read. */
    boolean knownLatest(String customerId, long at) {
        Window window = latest.get(customerId);
        return window != null && at >= window.end();
    }

    /**
     * The figures of the window ending at {@code order}, the order included, when no stored order of the
     * customer is later than it; it becomes the customer's latest window. Throws, and changes nothing,
     * when an amount overflows.
     */
    FraudFigures figures(String customerId, PlacedOrder order) {
        long at = order.placedAt();
        Window previous = latest.get(customerId);
        Window next;
        if (previous == null) {
            next = Window.EMPTY.at(at);
            Window[] read = {next};
            stored.forEach(customerId, at - windowMillis, at, found -> read[0] = read[0].plus(found));
            next = read[0];
        } else if (at - windowMillis > previous.end()) {
            next = Window.EMPTY.at(at); // the whole previous window is behind this one: nothing to read
        } else {
            Window[] moved = {previous.at(at)};
            // The orders in [previous start, new start): out of the new window. Removed first, so that the
            // sum stays at most the new window's, which overflows only if the window's own total does.
            if (at - windowMillis - 1 >= previous.end() - windowMillis) {
                stored.forEach(customerId, previous.end() - windowMillis, at - windowMillis - 1,
                        leaving -> moved[0] = moved[0].minus(leaving));
            }
            next = moved[0];
        }
        next = next.plus(order);
        latest.put(customerId, next);
        return next.figures();
    }

    /** A customer's order arrived before the latest window's end: that window is no longer known here. */
    void forget(String customerId) {
        latest.remove(customerId);
    }

    /**
     * One window's figures, and how many of its orders are in each currency (a currency whose orders all
     * left is dropped, as adding up the window anew would never have it, even when their amounts were 0).
     */
    private record Window(long end, long orders, SortedMap<String, Money> amount, SortedMap<String, Long> perCurrency) {
        static final Window EMPTY = new Window(Long.MIN_VALUE, 0, Collections.emptySortedMap(),
                Collections.emptySortedMap());

        Window at(long newEnd) {
            return new Window(newEnd, orders, amount, perCurrency);
        }

        Window plus(PlacedOrder order) {
            SortedMap<String, Money> sums = new TreeMap<>(amount);
            sums.merge(order.currency(), order.total(), Money::plus);
            SortedMap<String, Long> counts = new TreeMap<>(perCurrency);
            counts.merge(order.currency(), 1L, Long::sum);
            return new Window(end, orders + 1, sums, counts);
        }

        Window minus(PlacedOrder order) {
            SortedMap<String, Money> sums = new TreeMap<>(amount);
            SortedMap<String, Long> counts = new TreeMap<>(perCurrency);
            if (counts.merge(order.currency(), -1L, Long::sum) == 0) {
                counts.remove(order.currency());
                sums.remove(order.currency());
            } else {
                sums.computeIfPresent(order.currency(), (currency, sum) -> sum.minus(order.total()));
            }
            return new Window(end, orders - 1, sums, counts);
        }

        FraudFigures figures() {
            return new FraudFigures(orders, amount, end);
        }
    }
}
