package io.eventline.contracts.orders;

import io.eventline.contracts.Money;
import java.util.List;
import java.util.Objects;

/** {@code order.paid} v1: the order's total was taken from the customer's account. */
public record OrderPaid(String orderId, String customerId, List<OrderLine> items, Money total) implements OrderEvent {
    public OrderPaid {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        items = List.copyOf(items); // records are only shallowly immutable
        Objects.requireNonNull(total, "total");
    }
}
