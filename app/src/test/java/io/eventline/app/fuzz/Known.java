package io.eventline.app.fuzz;

import java.util.Objects;
import java.util.Set;

/**
 * The state the fuzz test created before it starts, which no generated request may change: ids that
 * generated requests use where a valid one is needed, so that exactly one thing in each is wrong.
 *
 * @param projections the read models' names, never sent to the rebuild endpoint
 */
public record Known(String customerId, String sku, String orderId, String balance, Set<String> projections) {
    public Known {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(balance, "balance");
        projections = Set.copyOf(projections);
    }
}
