package io.eventline.orders;

import io.eventline.contracts.accounts.AccountContracts;
import io.eventline.contracts.inventory.InventoryContracts;
import io.eventline.contracts.orders.OrderCommand;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.orders.OrderEvent;
import io.eventline.contracts.shipments.ShipmentContracts;
import io.eventline.core.decider.Aggregate;
import io.eventline.core.decider.DeciderTopology;
import io.eventline.core.reaction.ReactionTopology;
import org.apache.kafka.streams.StreamsBuilder;

/** The orders service: the order aggregate and, in the choreographed saga, its reactions. */
public final class OrdersService {
    public static final Aggregate<OrderCommand, Order, OrderEvent> AGGREGATE = new Aggregate<>(
            OrderContracts.NAME, new OrderDecider(), OrderContracts.COMMANDS, OrderContracts.EVENTS, Order.class);

    private OrdersService() {
    }

    public static void addTo(StreamsBuilder builder) {
        DeciderTopology.addTo(builder, AGGREGATE);
        ReactionTopology.addTo(builder, "orders-on-payments", AccountContracts.TOPIC, AccountContracts.EVENTS,
                OrderSagaReactions.ON_PAYMENTS, AGGREGATE);
        ReactionTopology.addTo(builder, "orders-on-stock", InventoryContracts.TOPIC, InventoryContracts.EVENTS,
                OrderSagaReactions.ON_STOCK, AGGREGATE);
        ReactionTopology.addTo(builder, "orders-on-shipments", ShipmentContracts.TOPIC, ShipmentContracts.EVENTS,
                OrderSagaReactions.ON_SHIPMENTS, AGGREGATE);
    }
}
