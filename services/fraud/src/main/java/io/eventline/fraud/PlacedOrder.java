package io.eventline.fraud;

import io.eventline.contracts.Money;
import java.util.Objects;

/**
 * What fraud detection needs of an {@code order.placed}: on the repartition topic keyed by customer
 * id and in the window store, in {@link PlacedOrderSerde}'s binary form.
 *
 * @param placedAt the record's timestamp (epoch milliseconds): the event time the windows use
 */
record PlacedOrder(String currency, Money total, long placedAt) {
    PlacedOrder {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(total, "total");
    }
}
