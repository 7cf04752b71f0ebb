package io.eventline.contracts.orders;

import io.eventline.contracts.Money;
import java.util.List;
import java.util.Objects;

/** {@code order.placed} v1: a customer placed an order; the saga starts here. */
public record OrderPlaced(String orderId, String customerId, List<OrderLine> items, String currency, Money total) implements OrderEvent {
    public OrderPlaced {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        items = List.copyOf(items); // records are only shallowly immutable
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(total, "total");
    }
}
