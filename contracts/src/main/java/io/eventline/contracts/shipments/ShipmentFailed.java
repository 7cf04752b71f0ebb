package io.eventline.contracts.shipments;

import java.util.Objects;

/** {@code shipment.failed} v1: the order cannot ship ({@code NO_ADDRESS} or {@code UNSUPPORTED_COUNTRY}). */
public record ShipmentFailed(String orderId, String customerId, String reason) implements ShipmentEvent {
    public ShipmentFailed {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(reason, "reason");
    }
}
