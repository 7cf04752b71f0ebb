package io.eventline.contracts.inventory;

import java.util.Objects;

/** Ships an order's reservation; nothing if there is none. */
public record ShipStock(String sku, String orderId) implements InventoryCommand {
    public ShipStock {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(orderId, "orderId");
    }
}
