package io.eventline.inventory;

/** A sku's stock as the API answers it: {@code {sku, available, reserved, version}}. */
record InventoryView(String sku, int available, int reserved, long version) {
}
