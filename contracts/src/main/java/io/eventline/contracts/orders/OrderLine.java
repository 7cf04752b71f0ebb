package io.eventline.contracts.orders;

import io.eventline.contracts.Money;
import java.util.Objects;

/** One line of an order: a sku, how many, and the unit price. */
public record OrderLine(String sku, int quantity, Money price) {
    public OrderLine {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(price, "price");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity: at least 1, was " + quantity);
        }
    }

    public Money lineTotal() {
        return new Money(Math.multiplyExact(price.minorUnits(), (long) quantity));
    }
}
