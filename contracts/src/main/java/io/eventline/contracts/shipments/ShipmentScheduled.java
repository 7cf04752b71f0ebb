package io.eventline.contracts.shipments;

import io.eventline.contracts.customers.Address;
import java.util.Objects;

/** {@code shipment.scheduled} v1: the order will ship to this address. */
public record ShipmentScheduled(String orderId, String customerId, Address address) implements ShipmentEvent {
    public ShipmentScheduled {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(address, "address");
    }
}
