package io.eventline.shipping;

import io.eventline.contracts.customers.Address;
import io.eventline.contracts.shipments.CancelShipment;
import io.eventline.contracts.shipments.ScheduleShipment;
import io.eventline.contracts.shipments.ShipmentCancelled;
import io.eventline.contracts.shipments.ShipmentCommand;
import io.eventline.contracts.shipments.ShipmentContracts;
import io.eventline.contracts.shipments.ShipmentEvent;
import io.eventline.contracts.shipments.ShipmentFailed;
import io.eventline.contracts.shipments.ShipmentScheduled;
import io.eventline.core.decider.Decider;
import java.util.List;

/**
 * The shipment's rules: an order is shipped to the address shipping knows for its customer, unless
 * there is none or its country is one shipping does not serve (Antarctica); each order gets one
 * outcome, however often it is asked; only a scheduled shipment can be cancelled. Outcomes are events,
 * never rejections: the order saga reacts to a failure.
 */
public final class ShipmentDecider implements Decider<ShipmentCommand, Shipment, ShipmentEvent> {
    static final String UNSUPPORTED = "AQ";

    @Override
    public Shipment initialState() {
        return Shipment.NONE;
    }

    @Override
    public List<ShipmentEvent> decide(ShipmentCommand command, Shipment shipment) {
        return switch (command) {
            case ScheduleShipment c when shipment.exists() -> List.of();
            case ScheduleShipment c when c.address() == null ->
                    List.of(new ShipmentFailed(c.orderId(), c.customerId(), ShipmentContracts.NO_ADDRESS));
            case ScheduleShipment c when unsupported(c.address()) ->
                    List.of(new ShipmentFailed(c.orderId(), c.customerId(), ShipmentContracts.UNSUPPORTED_COUNTRY));
            case ScheduleShipment c -> List.of(new ShipmentScheduled(c.orderId(), c.customerId(), c.address()));
            case CancelShipment c when shipment.scheduled() ->
                    List.of(new ShipmentCancelled(c.orderId(), c.customerId()));
            case CancelShipment c -> List.of();
        };
    }

    @Override
    public Shipment evolve(Shipment shipment, ShipmentEvent event) {
        return switch (event) {
            case ShipmentScheduled e -> new Shipment(Shipment.Status.SCHEDULED, e.customerId(), e.address(), null);
            case ShipmentFailed e -> new Shipment(Shipment.Status.FAILED, e.customerId(), null, e.reason());
            case ShipmentCancelled e -> shipment.cancelled();
        };
    }

    private static boolean unsupported(Address address) {
        return UNSUPPORTED.equals(address.country());
    }
}
