package io.eventline.contracts.orders;

import java.util.List;
import java.util.Objects;

/** Places an order; the same order id with the same content again is a no-op. */
public record PlaceOrder(String orderId, String customerId, List<OrderLine> items, String currency) implements OrderCommand {
    public PlaceOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        items = List.copyOf(items); // records are only shallowly immutable
        Objects.requireNonNull(currency, "currency");
    }
}
