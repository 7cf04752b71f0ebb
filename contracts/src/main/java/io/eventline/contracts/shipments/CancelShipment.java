package io.eventline.contracts.shipments;

import java.util.Objects;

/** Calls off an order's shipment; nothing if none was scheduled. */
public record CancelShipment(String orderId, String customerId) implements ShipmentCommand {
    public CancelShipment {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
    }
}
