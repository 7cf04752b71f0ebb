package io.eventline.contracts.inventory;

import java.util.Objects;

/** {@code stock.reserved} v1: units set aside for an order. */
public record StockReserved(String sku, String orderId, int quantity) implements InventoryEvent {
    public StockReserved {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(orderId, "orderId");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity: at least 1, was " + quantity);
        }
    }
}
