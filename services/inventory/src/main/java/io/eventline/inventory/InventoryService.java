package io.eventline.inventory;

import io.eventline.contracts.inventory.InventoryCommand;
import io.eventline.contracts.inventory.InventoryContracts;
import io.eventline.contracts.inventory.InventoryEvent;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.core.decider.Aggregate;
import io.eventline.core.decider.DeciderTopology;
import io.eventline.core.projection.AggregateProjector;
import io.eventline.core.projection.Projection;
import io.eventline.core.reaction.ReactionTopology;
import org.apache.kafka.streams.StreamsBuilder;

/** The inventory service: its aggregate and its topology. The app runs it and mounts its routes. */
public final class InventoryService {
    public static final Aggregate<InventoryCommand, Stock, InventoryEvent> AGGREGATE = new Aggregate<>(
            InventoryContracts.NAME, new InventoryDecider(), InventoryContracts.COMMANDS, InventoryContracts.EVENTS,
            Stock.class);
    /** The read model of every sku's current state, which queries read. */
    public static final Projection<Stock> VIEW = AggregateProjector.projection("inventory-view", AGGREGATE);

    private InventoryService() {
    }

    /**
     * The decider, and in the choreographed saga the stock's reaction to orders.
     *
     * @param choreographed whether inventory reacts to orders itself (else an orchestrator commands it)
     */
    public static void addTo(StreamsBuilder builder, boolean choreographed) {
        DeciderTopology.addTo(builder, AGGREGATE);
        if (choreographed) {
            ReactionTopology.addTo(builder, "inventory-on-orders", OrderContracts.TOPIC, OrderContracts.EVENTS,
                    new StockReaction(), AGGREGATE);
        }
    }
}
