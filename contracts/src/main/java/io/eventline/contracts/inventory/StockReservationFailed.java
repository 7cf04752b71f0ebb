package io.eventline.contracts.inventory;

import java.util.Objects;

/** {@code stock.reservation-failed} v1: fewer units were available than the order asked. */
public record StockReservationFailed(String sku, String orderId, int quantity, int available) implements InventoryEvent {
    public StockReservationFailed {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(orderId, "orderId");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity: at least 1, was " + quantity);
        }
    }
}
