package io.eventline.shipping;

import io.eventline.contracts.customers.CustomerContracts;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.shipments.ShipmentCommand;
import io.eventline.contracts.shipments.ShipmentContracts;
import io.eventline.contracts.shipments.ShipmentEvent;
import io.eventline.core.decider.Aggregate;
import io.eventline.core.decider.DeciderTopology;
import io.eventline.core.kafka.Sources;
import io.eventline.core.reaction.ReactionTopology;
import java.util.List;

/** The shipping service: its aggregate and its topology. The app runs it and mounts its routes. */
public final class ShippingService {
    public static final Aggregate<ShipmentCommand, Shipment, ShipmentEvent> AGGREGATE = new Aggregate<>(
            ShipmentContracts.NAME, new ShipmentDecider(), ShipmentContracts.COMMANDS, ShipmentContracts.EVENTS,
            Shipment.class);
    /** Shipping's own copy of the customers topic: customer id → the {@code customer.updated} envelope. */
    public static final String CUSTOMERS_STORE = CustomerContracts.EVERY_CUSTOMER_STORE;
    /**
     * The choreographed reaction to orders, decided in place: its commands never reach
     * {@code shipments.commands}, so a reader of the log derives their ids from this name.
     */
    public static final String ON_ORDERS = "shipping-on-orders";

    private ShippingService() {
    }

    /**
     * The customers copy, the decider, and in the choreographed saga the reaction to orders. The copy is
     * a global table: every instance holds every customer, so the reaction reads the address of any
     * order's customer locally, whichever partition the order is on, and keeps working while the
     * customers service is down. Orchestrated, the orchestrator sends the commands and the decider's
     * preparer reads the address from the same copy.
     *
     * @param choreographed whether shipping reacts to orders itself (else an orchestrator commands it)
     */
    public static void addTo(Sources sources, boolean choreographed) {
        sources.globalTable(CustomerContracts.TOPIC, CUSTOMERS_STORE);
        if (choreographed) {
            // Orders are keyed by order id, as shipments are: the reaction's ScheduleShipment is decided
            // in the task that read the order's event, one hop instead of two through shipments.commands;
            // with the orders' decider in this application, in its task as the event is written: no hop.
            ReactionTopology.inPlace(sources, OrderContracts.TOPIC, ON_ORDERS, OrderContracts.EVENTS,
                    new ShippingReaction(), AGGREGATE,
                    onOrders -> DeciderTopology.addTo(sources, AGGREGATE, new AddressPreparer(), List.of(onOrders)));
        } else {
            DeciderTopology.addTo(sources, AGGREGATE, new AddressPreparer());
        }
    }
}
