package io.eventline.contracts.catalog;

import io.eventline.contracts.Money;
import java.util.Objects;

/**
 * {@code product.updated} v1: the whole product row as it now is. {@code currency} is ISO 4217;
 * {@code updatedAt} the row's {@code updated_at}, ISO-8601 UTC.
 */
public record ProductUpdated(String sku, String name, String category, Money price, String currency,
                             boolean active, String updatedAt) implements ProductEvent {
    public ProductUpdated {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
