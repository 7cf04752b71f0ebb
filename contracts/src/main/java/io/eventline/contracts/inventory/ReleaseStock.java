package io.eventline.contracts.inventory;

import java.util.Objects;

/** Releases an order's reservation; nothing if there is none. */
public record ReleaseStock(String sku, String orderId) implements InventoryCommand {
    public ReleaseStock {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(orderId, "orderId");
    }
}
