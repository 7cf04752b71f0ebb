package io.eventline.inventory;

import java.util.HashMap;
import java.util.Map;

/**
 * A sku's stock: units available, units reserved for orders not yet shipped, and what happened to
 * each order's reservation, so that reserving, releasing and shipping are each done at most once per
 * order however often they are asked. Folded from all its events (a unit test, an as-of query),
 * {@code orders} holds every order the sku has seen; the decider runtime keeps each reservation under
 * its own key beside the snapshot ({@link InventoryService#RESERVATIONS}) and hands a command only
 * its own order's, so a command costs the same however many orders came before.
 */
public record Stock(int available, int reserved, Map<String, Reservation> orders) {
    public static final Stock EMPTY = new Stock(0, 0, Map.of());

    public Stock {
        if (available < 0 || reserved < 0) {
            throw new IllegalArgumentException("stock is never negative: available " + available
                    + ", reserved " + reserved);
        }
        orders = Map.copyOf(orders);
    }

    /** One order's reservation of this sku: the quantity asked, and how it ended so far. */
    public record Reservation(int quantity, Status status) {
        public enum Status { RESERVED, FAILED, RELEASED, SHIPPED }
    }

    Stock withCounts(int newAvailable, int newReserved) {
        return new Stock(newAvailable, newReserved, orders);
    }

    Stock withOrders(Map<String, Reservation> reservations) {
        return new Stock(available, reserved, reservations);
    }

    Stock withReservation(String orderId, Reservation reservation) {
        Map<String, Reservation> next = new HashMap<>(orders);
        next.put(orderId, reservation);
        return new Stock(available, reserved, next);
    }

    boolean knowsOrder(String orderId) {
        return orders.containsKey(orderId);
    }

    /** The quantity the order holds reserved now; 0 when it holds none (never seen, failed or done). */
    int heldBy(String orderId) {
        Reservation reservation = orders.get(orderId);
        return reservation != null && reservation.status() == Reservation.Status.RESERVED ? reservation.quantity() : 0;
    }
}
