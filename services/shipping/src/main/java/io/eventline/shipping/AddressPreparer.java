package io.eventline.shipping;

import io.eventline.contracts.shipments.ScheduleShipment;
import io.eventline.contracts.shipments.ShipmentCommand;
import io.eventline.core.decider.CommandPreparer;
import io.eventline.core.reaction.Lookups;

/**
 * Fills in a shipment's address from shipping's own copy of the customers topic when the command
 * comes without one (the orchestrated saga sends none: the orchestrator knows nothing of addresses).
 */
final class AddressPreparer implements CommandPreparer<ShipmentCommand> {
    @Override
    public ShipmentCommand prepare(ShipmentCommand command, Lookups lookups) {
        if (command instanceof ScheduleShipment schedule && schedule.address() == null) {
            return new ScheduleShipment(schedule.orderId(), schedule.customerId(),
                    ShippingReaction.address(schedule.customerId(), lookups));
        }
        return command;
    }
}
