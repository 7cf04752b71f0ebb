package io.eventline.contracts.catalog;

import io.eventline.core.envelope.Catalogue;
import io.eventline.core.kafka.Topic;

/**
 * The catalog's topics. {@code catalog.products}: compacted, keyed by sku, the whole product per key as PostgreSQL
 * last committed it, a tombstone when its row is deleted. Written only from the table's change stream.
 * {@code catalog.sales}: each shipped order line with the product's name and category.
 */
public final class CatalogContracts {
    public static final Topic PRODUCTS = Topic.compacted("catalog.products", "sku");
    public static final String TOPIC = PRODUCTS.name();

    public static final Catalogue<ProductEvent> EVENTS = Catalogue.of(ProductEvent.class)
            .add("product.updated", ProductUpdated.class)
            .build();

    /** Shipped order lines joined with the catalog: keyed by sku, kept like events. */
    public static final Topic SALES_EVENTS = Topic.events("catalog.sales", "sku");
    public static final String SALES_TOPIC = SALES_EVENTS.name();

    public static final Catalogue<SaleEvent> SALES = Catalogue.of(SaleEvent.class)
            .add("sale.recorded", SaleRecorded.class)
            .build();

    private CatalogContracts() {
    }
}
