package io.eventline.contracts.shipments;

/** What may be asked of shipping, on {@code shipments.commands} keyed by order id. */
public sealed interface ShipmentCommand permits ScheduleShipment, CancelShipment {
    String orderId();
}
