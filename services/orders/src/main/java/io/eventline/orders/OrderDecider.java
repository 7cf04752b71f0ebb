package io.eventline.orders;

import io.eventline.contracts.orders.CancelOrder;
import io.eventline.contracts.orders.ConfirmPayment;
import io.eventline.contracts.orders.ConfirmShipment;
import io.eventline.contracts.orders.ConfirmStock;
import io.eventline.contracts.orders.Lines;
import io.eventline.contracts.orders.OrderCancelled;
import io.eventline.contracts.orders.OrderCommand;
import io.eventline.contracts.orders.OrderEvent;
import io.eventline.contracts.orders.OrderItemReserved;
import io.eventline.contracts.orders.OrderPaid;
import io.eventline.contracts.orders.OrderPlaced;
import io.eventline.contracts.orders.OrderReserved;
import io.eventline.contracts.orders.OrderShipped;
import io.eventline.contracts.orders.PlaceOrder;
import io.eventline.core.decider.Decider;
import io.eventline.core.decider.Rejection;
import java.util.ArrayList;
import java.util.List;

/**
 * The order's rules. Steps happen in order (paid, then reserved, then shipped) and each at most once:
 * a confirmation that comes late (after a cancel) or twice changes nothing. Placing the same order
 * again is a no-op, so a client may retry; a different body under the same id is refused.
 */
public final class OrderDecider implements Decider<OrderCommand, Order, OrderEvent> {
    public static final String EXISTS = "order.exists";
    public static final String UNKNOWN = "order.unknown";
    public static final String SHIPPED = "order.shipped";

    @Override
    public Order initialState() {
        return Order.NONE;
    }

    @Override
    public List<OrderEvent> decide(OrderCommand command, Order order) {
        return switch (command) {
            case PlaceOrder c when order.exists() && isSame(c, order) -> List.of();
            case PlaceOrder c when order.exists() -> throw new Rejection(EXISTS, "orderId",
                    "order " + c.orderId() + " exists with another body; choose another orderId");
            case PlaceOrder c -> List.of(new OrderPlaced(c.orderId(), c.customerId(), c.items(), c.currency(),
                    Lines.total(c.items())));
            case ConfirmPayment c when order.status() == OrderStatus.PLACED ->
                    List.of(new OrderPaid(c.orderId(), order.customerId(), order.items(), order.total()));
            case ConfirmPayment c -> List.of();
            case ConfirmStock c when order.status() == OrderStatus.PAID && order.skus().contains(c.sku())
                    && !order.reservedSkus().contains(c.sku()) -> reserve(c, order);
            case ConfirmStock c -> List.of();
            case ConfirmShipment c when order.status() == OrderStatus.RESERVED -> List.of(new OrderShipped(
                    c.orderId(), order.customerId(), order.items(), order.currency(), order.total()));
            case ConfirmShipment c -> List.of();
            case CancelOrder c when !order.exists() -> throw new Rejection(UNKNOWN, null,
                    "order " + c.orderId() + " is unknown");
            case CancelOrder c when order.status() == OrderStatus.SHIPPED -> throw new Rejection(SHIPPED, null,
                    "order " + c.orderId() + " has shipped and can no longer be cancelled");
            case CancelOrder c when order.status() == OrderStatus.CANCELLED -> List.of();
            case CancelOrder c -> List.of(new OrderCancelled(c.orderId(), order.customerId(), order.items(),
                    c.reason()));
        };
    }

    private static List<OrderEvent> reserve(ConfirmStock c, Order order) {
        List<OrderEvent> events = new ArrayList<>();
        events.add(new OrderItemReserved(c.orderId(), order.customerId(), c.sku()));
        if (order.completesReservation(c.sku())) {
            events.add(new OrderReserved(c.orderId(), order.customerId(), order.items()));
        }
        return events;
    }

    private static boolean isSame(PlaceOrder c, Order order) {
        return c.customerId().equals(order.customerId()) && c.items().equals(order.items())
                && c.currency().equals(order.currency());
    }

    @Override
    public Order evolve(Order order, OrderEvent event) {
        return switch (event) {
            case OrderPlaced e -> new Order(e.customerId(), e.items(), e.currency(), e.total(), OrderStatus.PLACED,
                    null, java.util.Set.of());
            case OrderPaid e -> order.withStatus(OrderStatus.PAID);
            case OrderItemReserved e -> order.withReserved(e.sku());
            case OrderReserved e -> order.withStatus(OrderStatus.RESERVED);
            case OrderShipped e -> order.withStatus(OrderStatus.SHIPPED);
            case OrderCancelled e -> order.cancelled(e.reason());
        };
    }
}
