package io.eventline.contracts.shipments;

import io.eventline.contracts.customers.Address;
import java.util.Objects;

/** Schedules an order's shipment to the address shipping knows for the customer (null: none known). */
public record ScheduleShipment(String orderId, String customerId, Address address) implements ShipmentCommand {
    public ScheduleShipment {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(customerId, "customerId");
    }
}
