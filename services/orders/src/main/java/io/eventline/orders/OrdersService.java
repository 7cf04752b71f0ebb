package io.eventline.orders;

import io.eventline.contracts.accounts.AccountContracts;
import io.eventline.contracts.inventory.InventoryContracts;
import io.eventline.contracts.orders.OrderCommand;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.orders.OrderEvent;
import io.eventline.contracts.shipments.ShipmentContracts;
import io.eventline.core.decider.Aggregate;
import io.eventline.core.decider.CommandPreparer;
import io.eventline.core.decider.DeciderTopology;
import io.eventline.core.kafka.Sources;
import io.eventline.core.kafka.Topic;
import io.eventline.core.reaction.LookupReaction;
import io.eventline.core.reaction.Reaction;
import io.eventline.core.reaction.ReactionTopology;
import io.eventline.core.saga.SagaTopology;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.kstream.KStream;

/** The orders service: the order aggregate and, in the choreographed saga, its reactions. */
public final class OrdersService {
    public static final Aggregate<OrderCommand, Order, OrderEvent> AGGREGATE = new Aggregate<>(
            OrderContracts.NAME, new OrderDecider(), OrderContracts.COMMANDS, OrderContracts.EVENTS, Order.class)
            .withSummary(OrderAnswer::of);
    /**
     * The choreographed reaction to shipments, decided in place: its commands never reach
     * {@code orders.commands}, so a reader of the log derives their ids from this name.
     */
    public static final String ON_SHIPMENTS = "orders-on-shipments";
    /**
     * The orchestrated saga's name: what it tells the order is decided in place, so a reader of the log
     * derives those commands' ids from it ({@link SagaTopology#commandId}).
     */
    public static final String SAGA = OrderSaga.NAME;
    /** Where the orchestrated saga hears its steps' replies, keyed by order id (orchestration only). */
    public static final Topic SAGA_REPLIES = OrderSaga.definition().replies();

    private OrdersService() {
    }

    /**
     * The order aggregate, the read model of its compensations, and the saga: the order's reactions to
     * the other services' events when choreographed, or the orchestrator when not.
     */
    public static void addTo(Sources sources, boolean choreographed) {
        // Two parts read each of these topics: the compensations' read model and the saga.
        Map<String, KStream<String, byte[]>> read = new LinkedHashMap<>();
        read.put("payments", sources.stream(AccountContracts.TOPIC, "orders-payments-source"));
        read.put("stock", sources.stream(InventoryContracts.TOPIC, "orders-stock-source"));
        read.put("shipments", sources.stream(ShipmentContracts.TOPIC, "orders-shipments-source"));
        CompensationSteps.addTo(read);
        if (choreographed) {
            // In the deciders' tasks when accounts and inventory run in this application, else on their topics.
            ReactionTopology.addTo(sources, "orders-on-payments", AccountContracts.TOPIC, AccountContracts.EVENTS,
                    lift(OrderSagaReactions.ON_PAYMENTS), AGGREGATE);
            ReactionTopology.addTo(sources, "orders-on-stock", InventoryContracts.TOPIC, InventoryContracts.EVENTS,
                    lift(OrderSagaReactions.ON_STOCK), AGGREGATE);
            // Shipments are keyed by order id: ConfirmShipment is decided in the task that read the
            // shipment's event, one hop instead of two through orders.commands.
            KStream<String, byte[]> onShipments = ReactionTopology.inPlace(sources, read.get("shipments"),
                    ON_SHIPMENTS, ShipmentContracts.EVENTS, lift(OrderSagaReactions.ON_SHIPMENTS), AGGREGATE);
            DeciderTopology.addTo(sources, AGGREGATE, CommandPreparer.none(), List.of(onShipments));
        } else {
            // The saga, triggered by the order's events (read through the decider's history table),
            // is keyed by order id like the order: what it tells the order (payment, stock and shipment
            // confirmed, cancelled) is decided in its task, one hop instead of two through
            // orders.commands, and so is what it tells the order's shipment (keyed by order id too) when
            // shipping runs in this application; its commands to accounts and inventory cross their topics.
            KStream<String, byte[]> toTheOrder = SagaTopology.inPlace(sources, OrderSaga.definition(),
                    OrderSaga.triggers(), AGGREGATE, List.of(ShipmentContracts.TOPICS.commands().name()));
            DeciderTopology.addTo(sources, AGGREGATE, CommandPreparer.none(), List.of(toTheOrder));
        }
    }

    private static <E> LookupReaction<E, OrderCommand> lift(Reaction<E, OrderCommand> reaction) {
        return (event, lookups) -> reaction.react(event);
    }
}
