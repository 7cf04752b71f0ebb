package io.eventline.contracts.inventory;

import java.util.Objects;

/** {@code stock.added} v1: units arrived in the warehouse. */
public record StockAdded(String sku, int quantity) implements InventoryEvent {
    public StockAdded {
        Objects.requireNonNull(sku, "sku");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity: at least 1, was " + quantity);
        }
    }
}
