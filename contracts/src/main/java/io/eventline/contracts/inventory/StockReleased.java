package io.eventline.contracts.inventory;

import java.util.Objects;

/** {@code stock.released} v1: an order's reservation went back to available. */
public record StockReleased(String sku, String orderId, int quantity) implements InventoryEvent {
    public StockReleased {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(orderId, "orderId");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity: at least 1, was " + quantity);
        }
    }
}
