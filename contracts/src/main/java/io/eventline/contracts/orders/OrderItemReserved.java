package io.eventline.contracts.orders;

import java.util.Objects;

/**
 * {@code order.item-reserved} v1: the order saw one of its skus reserved. Stock is reserved sku by sku
 * (each sku is its own aggregate), so the order records each confirmation as an event of its own: its
 * state stays derivable from its events alone. The last one is followed by {@code order.reserved}.
 */
public record OrderItemReserved(String orderId, String customerId, String sku) implements OrderEvent {
    public OrderItemReserved {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(sku, "sku");
    }
}
