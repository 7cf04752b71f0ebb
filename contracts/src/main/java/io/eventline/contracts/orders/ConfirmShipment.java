package io.eventline.contracts.orders;

import java.util.Objects;

/** The order's shipment is scheduled (from {@code shipment.scheduled}). */
public record ConfirmShipment(String orderId) implements OrderCommand {
    public ConfirmShipment {
        Objects.requireNonNull(orderId, "orderId");
    }
}
