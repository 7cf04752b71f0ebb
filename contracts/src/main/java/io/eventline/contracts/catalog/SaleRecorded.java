package io.eventline.contracts.catalog;

import io.eventline.contracts.Money;
import java.util.Objects;

/**
 * {@code sale.recorded} v1: one line of a shipped order, enriched with the product as the catalog had it
 * when the line was joined. {@code revenue} is quantity × unit price; {@code at} the shipment's time,
 * ISO-8601 UTC. A sku the catalog does not know has its sku as name and category {@code uncatalogued}.
 */
public record SaleRecorded(String sku, String name, String category, int quantity, Money revenue, String currency,
                           String orderId, String at) implements SaleEvent {
    /** The category of a sold sku that is not in the catalog. */
    public static final String UNCATALOGUED = "uncatalogued";

    public SaleRecorded {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(at, "at");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity: at least 1, was " + quantity);
        }
    }
}
