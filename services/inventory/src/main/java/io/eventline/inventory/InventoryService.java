package io.eventline.inventory;

import io.eventline.contracts.inventory.InventoryCommand;
import io.eventline.contracts.inventory.InventoryContracts;
import io.eventline.contracts.inventory.InventoryEvent;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.core.decider.Aggregate;
import io.eventline.core.decider.DeciderTopology;
import io.eventline.core.decider.Entries;
import io.eventline.core.kafka.Sources;
import io.eventline.core.projection.AggregateProjector;
import io.eventline.core.projection.Projection;
import io.eventline.core.reaction.ReactionTopology;
import io.eventline.inventory.Stock.Reservation;

/** The inventory service: its aggregate and its topology. The app runs it and mounts its routes. */
public final class InventoryService {
    /** Each order's reservation of a sku, kept under {@code sku|orderId} beside the sku's snapshot. */
    public static final Entries<InventoryCommand, Stock, Reservation> RESERVATIONS = new Entries<>(
            Reservation.class, InventoryDecider::orderOf, Stock::orders, Stock::withOrders);
    public static final Aggregate<InventoryCommand, Stock, InventoryEvent> AGGREGATE = new Aggregate<>(
            InventoryContracts.NAME, new InventoryDecider(), InventoryContracts.COMMANDS, InventoryContracts.EVENTS,
            Stock.class).withEntries(RESERVATIONS);
    /** The read model of every sku's current state, which queries read. */
    public static final Projection<Stock> VIEW = AggregateProjector.projection("inventory-view", AGGREGATE);

    private InventoryService() {
    }

    /**
     * The decider, and in the choreographed saga the stock's reaction to orders.
     *
     * @param choreographed whether inventory reacts to orders itself (else an orchestrator commands it)
     */
    public static void addTo(Sources sources, boolean choreographed) {
        DeciderTopology.addTo(sources, AGGREGATE);
        if (choreographed) {
            ReactionTopology.addTo(sources, "inventory-on-orders", OrderContracts.TOPIC, OrderContracts.EVENTS,
                    new StockReaction(), AGGREGATE);
        }
    }
}
