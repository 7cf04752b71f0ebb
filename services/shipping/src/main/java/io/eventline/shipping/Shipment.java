package io.eventline.shipping;

import io.eventline.contracts.customers.Address;
import java.util.Objects;

/**
 * One order's shipment: whether it is scheduled (and where to), failed (and why) or cancelled.
 * {@code NONE} is an order shipping has not been asked to ship; its other fields are then null.
 */
public record Shipment(Status status, String customerId, Address address, String reason) {
    public static final Shipment NONE = new Shipment(Status.NONE, null, null, null);

    public Shipment {
        Objects.requireNonNull(status, "status");
    }

    public enum Status { NONE, SCHEDULED, FAILED, CANCELLED }

    boolean exists() {
        return status != Status.NONE;
    }

    boolean scheduled() {
        return status == Status.SCHEDULED;
    }

    Shipment cancelled() {
        return new Shipment(Status.CANCELLED, customerId, address, reason);
    }
}
