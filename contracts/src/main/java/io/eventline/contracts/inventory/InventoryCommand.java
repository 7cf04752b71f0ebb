package io.eventline.contracts.inventory;

/** What may be asked of a sku's stock, on {@code inventory.commands} keyed by sku. */
public sealed interface InventoryCommand permits AddStock, ReserveStock, ReleaseStock, ShipStock {
    String sku();
}
