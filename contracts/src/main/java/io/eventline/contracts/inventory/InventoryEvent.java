package io.eventline.contracts.inventory;

/** What happens to a sku's stock, on {@code inventory.events} keyed by sku. */
public sealed interface InventoryEvent
        permits StockAdded, StockReserved, StockReservationFailed, StockReleased, StockShipped {
    String sku();
}
