package io.eventline.contracts.shipments;

import java.util.Objects;

/** {@code shipment.cancelled} v1: a scheduled shipment was called off. */
public record ShipmentCancelled(String orderId, String customerId) implements ShipmentEvent {
    public ShipmentCancelled {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
    }
}
