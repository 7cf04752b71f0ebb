package io.eventline.contracts.catalog;

import io.eventline.core.envelope.Catalogue;

/**
 * The {@code catalog.products} topic: compacted, keyed by sku, the whole product per key as PostgreSQL
 * last committed it, a tombstone when its row is deleted. Written only from the table's change stream.
 */
public final class CatalogContracts {
    public static final String TOPIC = "catalog.products";

    public static final Catalogue<ProductEvent> EVENTS = Catalogue.of(ProductEvent.class)
            .add("product.updated", ProductUpdated.class)
            .build();

    private CatalogContracts() {
    }
}
