package io.eventline.fraud;

import io.eventline.contracts.Money;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
 * <p>An order a little late (before the latest window's end, within it) changes the windows ending at it
 * and at the later orders: each is moved back from the latest one, reading about as many orders as the
 * order is late by ({@link #late}). One later than that is added up from the store by
 * {@link WindowedAlerts}, as before; it leaves the latest window as it was.
 *
 * <p>A cache of what the store holds, never logged: it starts empty in each task's processor (a task
 * restored, revived after an aborted transaction or moved starts again from the store) and keeps at
 * most {@link #MAX_CUSTOMERS} customers, the least recently seen forgotten first. A customer forgotten
 * costs one read of a whole window at the next order. What it knows of a customer holds while no order
 * of theirs in the store is later than the latest window's end: every order stored passes through here
 * first, and the first window known is made only when no later order is stored.
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

    /** Whether {@code at} is before the end of the customer's latest window, and within it. */
    boolean withinLatest(String customerId, long at) {
        Window window = latest.get(customerId);
        return window != null && at < window.end() && at >= window.end() - windowMillis;
    }

    boolean knows(String customerId) {
        return latest.containsKey(customerId);
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
            Window[] read = {Window.EMPTY.at(at)};
            stored.forEach(customerId, at - windowMillis, at, found -> read[0] = read[0].plus(found));
            next = read[0];
        } else if (at < previous.end()) {
            throw new IllegalStateException("an order before the latest window's end is late: " + at);
        } else if (at - windowMillis > previous.end()) {
            next = Window.EMPTY.at(at); // the whole previous window is behind this one: nothing to read
        } else {
            Window[] moved = {previous.at(at)};
            // The orders in [previous start, new start): out of the new window. Removed first, so that the
            // sum stays at most the new window's, which overflows only if the window's own total does.
            stored.forEach(customerId, previous.end() - windowMillis, at - windowMillis - 1,
                    leaving -> moved[0] = moved[0].minus(leaving));
            next = moved[0];
        }
        next = next.plus(order);
        latest.put(customerId, next);
        return next.figures();
    }

    /**
     * The figures of each window a late order changes, the order included, when it is {@link #withinLatest}:
     * each moved back from the latest window, less the stored orders after its end, plus those before the
     * latest's start, so a read of about as many orders as the order is late by. The latest window then
     * holds the order too. Throws, and changes nothing, when an amount overflows.
     *
     * @param ends the ends of the windows the order changes: its own time and the later stored orders'
     *             (at most the latest window's end), ascending
     */
    Map<Long, FraudFigures> late(String customerId, PlacedOrder order, List<Long> ends) {
        Window last = latest.get(customerId);
        if (!withinLatest(customerId, order.placedAt())) {
            throw new IllegalStateException("not within the latest window: " + order.placedAt());
        }
        Map<Long, FraudFigures> changed = new LinkedHashMap<>();
        for (long end : ends) {
            Window[] moved = {last.at(end)};
            stored.forEach(customerId, end + 1, last.end(), after -> moved[0] = moved[0].minus(after));
            stored.forEach(customerId, end - windowMillis, last.end() - windowMillis - 1,
                    before -> moved[0] = moved[0].plus(before));
            changed.put(end, moved[0].plus(order).figures());
        }
        latest.put(customerId, last.plus(order));
        return changed;
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
