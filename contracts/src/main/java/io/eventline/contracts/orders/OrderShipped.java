package io.eventline.contracts.orders;

import io.eventline.contracts.Money;
import java.util.List;
import java.util.Objects;

/** {@code order.shipped} v1: a shipment is scheduled; the order is done. Carries its lines for downstream analytics. */
public record OrderShipped(String orderId, String customerId, List<OrderLine> items, String currency, Money total) implements OrderEvent {
    public OrderShipped {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        items = List.copyOf(items); // records are only shallowly immutable
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(total, "total");
    }
}
