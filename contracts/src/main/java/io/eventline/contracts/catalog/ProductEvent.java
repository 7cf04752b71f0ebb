package io.eventline.contracts.catalog;

/**
 * What the {@code catalog.products} topic holds: compacted, keyed by sku, the value the whole product
 * (event-carried state transfer), a null value (tombstone) when its row is deleted.
 */
public sealed interface ProductEvent permits ProductUpdated {
    String sku();
}
