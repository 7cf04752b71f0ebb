package io.eventline.contracts.orders;

import java.util.Objects;

/** One sku of the order is reserved (from {@code stock.reserved}). */
public record ConfirmStock(String orderId, String sku) implements OrderCommand {
    public ConfirmStock {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(sku, "sku");
    }
}
