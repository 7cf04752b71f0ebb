package io.eventline.inventory;

import io.eventline.contracts.inventory.InventoryCommand;
import io.eventline.contracts.inventory.ReleaseStock;
import io.eventline.contracts.inventory.ReserveStock;
import io.eventline.contracts.inventory.ShipStock;
import io.eventline.contracts.orders.Lines;
import io.eventline.contracts.orders.OrderCancelled;
import io.eventline.contracts.orders.OrderEvent;
import io.eventline.contracts.orders.OrderItemReserved;
import io.eventline.contracts.orders.OrderLine;
import io.eventline.contracts.orders.OrderPaid;
import io.eventline.contracts.orders.OrderPlaced;
import io.eventline.contracts.orders.OrderReserved;
import io.eventline.contracts.orders.OrderShipped;
import io.eventline.core.reaction.Reaction;
import io.eventline.core.reaction.Routed;
import java.util.List;

/**
 * Stock, choreographed: reserve each sku of an order once it is paid, release what it holds when it
 * is cancelled, ship it when the order ships. One command per sku, lines of the same sku added up
 * ({@link Lines#quantities}), each routed to its sku; the decider knows what each order already did.
 */
public final class StockReaction implements Reaction<OrderEvent, InventoryCommand> {
    @Override
    public List<Routed<InventoryCommand>> react(OrderEvent event) {
        return switch (event) {
            case OrderPaid e -> Lines.quantities(e.items()).entrySet().stream()
                    .map(sku -> routed(new ReserveStock(sku.getKey(), e.orderId(), sku.getValue())))
                    .toList();
            case OrderCancelled e -> skus(e.items()).stream()
                    .map(sku -> routed(new ReleaseStock(sku, e.orderId())))
                    .toList();
            case OrderShipped e -> skus(e.items()).stream()
                    .map(sku -> routed(new ShipStock(sku, e.orderId())))
                    .toList();
            case OrderPlaced e -> List.of();
            case OrderItemReserved e -> List.of();
            case OrderReserved e -> List.of();
        };
    }

    /** Each sku once, in the same order as the reservations. */
    private static List<String> skus(List<OrderLine> items) {
        return List.copyOf(Lines.quantities(items).keySet());
    }

    private static Routed<InventoryCommand> routed(InventoryCommand command) {
        return new Routed<>(command.sku(), command);
    }
}
