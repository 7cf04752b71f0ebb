package io.eventline.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.eventline.contracts.Money;
import io.eventline.contracts.orders.CancelReason;
import io.eventline.contracts.orders.OrderCancelled;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.orders.OrderEvent;
import io.eventline.contracts.orders.OrderItemReserved;
import io.eventline.contracts.orders.OrderLine;
import io.eventline.contracts.orders.OrderPaid;
import io.eventline.contracts.orders.OrderPlaced;
import io.eventline.contracts.orders.OrderReserved;
import io.eventline.contracts.orders.OrderShipped;
import io.eventline.core.decider.Snapshot;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.projection.Projected;
import io.eventline.core.envelope.Timestamps;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The order as {@code GET /api/orders/{id}} answers it, its saga steps read from its own events. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OrderView(String orderId, String customerId, List<OrderLine> items, Money total, String currency,
                 OrderStatus status, CancelReason reason, List<Step> steps, long version, String updated) {

    /** One step of the saga: {@code payment}, {@code stock} or {@code shipment}, DONE or FAILED. */
    record Step(String step, String outcome, String at) {
        Step at(String time) {
            return new Step(step, outcome, time);
        }
    }

    private static final List<String> FORWARD = List.of("payment", "stock", "shipment");

    /**
     * @param history the order's own events (its forward steps and how it ended)
     * @param compensations what the other services undid for it ({@link CompensationSteps})
     */
    /** From the read model: the summary it holds and the compensations the services announced. */
    static OrderView of(String orderId, Projected<OrderSummary> projected, List<Step> compensations) {
        OrderSummary order = projected.view();
        List<Step> steps = new ArrayList<>(order.steps());
        steps.addAll(compensations);
        steps.sort(Comparator.comparing(Step::at));
        return new OrderView(orderId, order.customerId(), order.items(), order.total(), order.currency(),
                order.status(), order.reason(), steps, projected.version(), Timestamps.format(projected.updated()));
    }

    static OrderView of(String orderId, Snapshot<Order> snapshot, List<EventEnvelope> history,
                        List<Step> compensations) {
        Order order = snapshot.state();
        List<Step> steps = new ArrayList<>(steps(history));
        steps.addAll(compensations);
        steps.sort(Comparator.comparing(Step::at)); // fixed-width ISO-8601: text order is time order
        return new OrderView(orderId, order.customerId(), order.items(), order.total(), order.currency(),
                order.status(), order.reason(), steps, snapshot.version(), Timestamps.format(snapshot.timestamp()));
    }

    private static List<Step> steps(List<EventEnvelope> history) {
        List<Step> steps = new ArrayList<>();
        for (EventEnvelope envelope : history) {
            String at = Timestamps.format(envelope.timestamp());
            OrderEvent event = OrderContracts.EVENTS.decode(envelope.eventType(), envelope.version(), envelope.data());
            switch (event) {
                case OrderPaid e -> steps.add(new Step("payment", "DONE", at));
                case OrderReserved e -> steps.add(new Step("stock", "DONE", at));
                case OrderShipped e -> steps.add(new Step("shipment", "DONE", at));
                case OrderCancelled e -> failedStep(e.reason(), steps).ifPresent(step -> steps.add(step.at(at)));
                case OrderPlaced e -> { } // the saga's start, not a step of it
                case OrderItemReserved e -> { } // one sku; the step is done when all are
            }
        }
        return steps;
    }

    /** The step a cancel reason says failed; a timeout is the first step that was not done. */
    static Optional<Step> failedStep(CancelReason reason, List<Step> done) {
        return switch (reason) {
            case INSUFFICIENT_FUNDS -> Optional.of(new Step("payment", "FAILED", null));
            case OUT_OF_STOCK -> Optional.of(new Step("stock", "FAILED", null));
            case SHIPPING_UNAVAILABLE -> Optional.of(new Step("shipment", "FAILED", null));
            case TIMED_OUT -> Optional.of(new Step(FORWARD.get(Math.min(done.size(), FORWARD.size() - 1)),
                    "TIMED_OUT", null));
            case CANCELLED_BY_CUSTOMER -> Optional.empty();
        };
    }
}
