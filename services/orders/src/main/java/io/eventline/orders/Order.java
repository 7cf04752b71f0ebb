package io.eventline.orders;

import io.eventline.contracts.Money;
import io.eventline.contracts.orders.CancelReason;
import io.eventline.contracts.orders.Lines;
import io.eventline.contracts.orders.OrderLine;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An order as its decider knows it: what was ordered, where its saga is, why it was cancelled, and
 * which of its skus the warehouse has confirmed.
 */
public record Order(String customerId, List<OrderLine> items, String currency, Money total, OrderStatus status,
                    CancelReason reason, Set<String> reservedSkus) {
    public static final Order NONE = new Order(null, List.of(), null, Money.ZERO, OrderStatus.NONE, null, Set.of());

    public Order {
        items = List.copyOf(items);
        reservedSkus = Set.copyOf(reservedSkus);
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(status, "status");
    }

    boolean exists() {
        return status != OrderStatus.NONE;
    }

    Set<String> skus() {
        return Lines.quantities(items).keySet();
    }

    /** Whether confirming {@code sku} completes the reservation of every sku. */
    boolean completesReservation(String sku) {
        Set<String> reserved = new TreeSet<>(reservedSkus);
        reserved.add(sku);
        return reserved.containsAll(skus());
    }

    Order withStatus(OrderStatus next) {
        return new Order(customerId, items, currency, total, next, reason, reservedSkus);
    }

    Order withReserved(String sku) {
        Set<String> reserved = new TreeSet<>(reservedSkus);
        reserved.add(sku);
        return new Order(customerId, items, currency, total, status, reason, reserved);
    }

    Order cancelled(CancelReason why) {
        return new Order(customerId, items, currency, total, OrderStatus.CANCELLED, why, reservedSkus);
    }
}
