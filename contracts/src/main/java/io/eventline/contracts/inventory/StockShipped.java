package io.eventline.contracts.inventory;

import java.util.Objects;

/** {@code stock.shipped} v1: an order's reservation left the warehouse. */
public record StockShipped(String sku, String orderId, int quantity) implements InventoryEvent {
    public StockShipped {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(orderId, "orderId");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity: at least 1, was " + quantity);
        }
    }
}
