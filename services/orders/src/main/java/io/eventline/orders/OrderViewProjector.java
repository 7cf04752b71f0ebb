package io.eventline.orders;

import io.eventline.contracts.orders.OrderCancelled;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.orders.OrderEvent;
import io.eventline.contracts.orders.OrderItemReserved;
import io.eventline.contracts.orders.OrderPaid;
import io.eventline.contracts.orders.OrderPlaced;
import io.eventline.contracts.orders.OrderReserved;
import io.eventline.contracts.orders.OrderShipped;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.Timestamps;
import io.eventline.core.projection.Projection;
import io.eventline.core.projection.Projector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The orders read model ({@code orders-view}): one summary per order, with its saga steps, folded
 * from {@code orders.events}. Queries read it, never the decider's store; it can be rebuilt from
 * offset 0 into a new version while the current one serves.
 */
public final class OrderViewProjector implements Projector<OrderSummary> {
    /** The list of every order, newest changed first. */
    static final String ALL = "all";
    public static final Projection<OrderSummary> PROJECTION = new Projection<>("orders-view",
            List.of(OrderContracts.TOPIC), OrderSummary.class, new OrderViewProjector(), false)
            .indexedBy(OrderViewProjector::lists);

    /**
     * The lists {@code GET /api/orders} reads, each kept newest changed first: all orders, those of one
     * status, those of one customer (two changelog records per list and event: one out, one in).
     */
    static List<String> lists(OrderSummary order) {
        return order.customerId() == null ? List.of(ALL, withStatus(order.status()))
                : List.of(ALL, withStatus(order.status()), ofCustomer(order.customerId()));
    }

    static String withStatus(OrderStatus status) {
        return "status=" + status;
    }

    static String ofCustomer(String customerId) {
        return "customerId=" + customerId;
    }

    @Override
    public OrderSummary initial() {
        return OrderSummary.NONE;
    }

    @Override
    public Optional<String> keyOf(EventEnvelope event) {
        return OrderContracts.EVENTS.find(event.eventType()).isPresent() ? Optional.of(event.aggregateId())
                : Optional.empty();
    }

    @Override
    public OrderSummary apply(OrderSummary order, EventEnvelope envelope) {
        OrderEvent event = OrderContracts.EVENTS.decode(envelope.eventType(), envelope.version(), envelope.data());
        String at = Timestamps.format(envelope.timestamp());
        return switch (event) {
            case OrderPlaced e -> new OrderSummary(e.customerId(), e.items(), e.total(), e.currency(),
                    OrderStatus.PLACED, null, List.of());
            case OrderPaid e -> next(order, OrderStatus.PAID, new OrderView.Step("payment", "DONE", at));
            case OrderItemReserved e -> order;
            case OrderReserved e -> next(order, OrderStatus.RESERVED, new OrderView.Step("stock", "DONE", at));
            case OrderShipped e -> next(order, OrderStatus.SHIPPED, new OrderView.Step("shipment", "DONE", at));
            case OrderCancelled e -> cancelled(order, e, at);
        };
    }

    private static OrderSummary next(OrderSummary order, OrderStatus status, OrderView.Step step) {
        List<OrderView.Step> steps = new ArrayList<>(order.steps());
        steps.add(step);
        return new OrderSummary(order.customerId(), order.items(), order.total(), order.currency(), status,
                order.reason(), steps);
    }

    private static OrderSummary cancelled(OrderSummary order, OrderCancelled event, String at) {
        List<OrderView.Step> steps = new ArrayList<>(order.steps());
        OrderView.failedStep(event.reason(), steps).ifPresent(step -> steps.add(step.at(at)));
        return new OrderSummary(order.customerId(), order.items(), order.total(), order.currency(),
                OrderStatus.CANCELLED, event.reason(), steps);
    }
}
