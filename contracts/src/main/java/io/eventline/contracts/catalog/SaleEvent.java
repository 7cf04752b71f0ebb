package io.eventline.contracts.catalog;

/** What the {@code catalog.sales} topic holds: keyed by sku, one record per shipped order line. */
public sealed interface SaleEvent permits SaleRecorded {
    String sku();
}
