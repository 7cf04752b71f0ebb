package io.eventline.contracts.orders;

import java.util.List;
import java.util.Objects;

/** {@code order.cancelled} v1: the order ends without shipping; services undo what they did for it. */
public record OrderCancelled(String orderId, String customerId, List<OrderLine> items, CancelReason reason) implements OrderEvent {
    public OrderCancelled {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        items = List.copyOf(items); // records are only shallowly immutable
        Objects.requireNonNull(reason, "reason");
    }
}
