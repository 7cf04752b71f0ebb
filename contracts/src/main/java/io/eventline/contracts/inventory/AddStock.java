package io.eventline.contracts.inventory;

import java.util.Objects;

/** Adds units to a sku. */
public record AddStock(String sku, int quantity) implements InventoryCommand {
    public AddStock {
        Objects.requireNonNull(sku, "sku");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity: at least 1, was " + quantity);
        }
    }
}
