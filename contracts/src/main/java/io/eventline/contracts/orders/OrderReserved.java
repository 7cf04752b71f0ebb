package io.eventline.contracts.orders;

import java.util.List;
import java.util.Objects;

/** {@code order.reserved} v1: every item of the order is reserved in stock. */
public record OrderReserved(String orderId, String customerId, List<OrderLine> items) implements OrderEvent {
    public OrderReserved {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        items = List.copyOf(items); // records are only shallowly immutable
    }
}
