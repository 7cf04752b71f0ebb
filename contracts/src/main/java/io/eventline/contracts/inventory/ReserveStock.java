package io.eventline.contracts.inventory;

import java.util.Objects;

/** Reserves units for an order, once per order. */
public record ReserveStock(String sku, String orderId, int quantity) implements InventoryCommand {
    public ReserveStock {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(orderId, "orderId");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity: at least 1, was " + quantity);
        }
    }
}
