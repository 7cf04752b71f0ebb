package io.eventline.contracts.shipments;

/** What happens to an order's shipment, on {@code shipments.events} keyed by order id. */
public sealed interface ShipmentEvent permits ShipmentScheduled, ShipmentFailed, ShipmentCancelled {
    String orderId();
}
