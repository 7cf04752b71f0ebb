package io.eventline.accounts;

import io.eventline.contracts.accounts.AccountCommand;
import io.eventline.contracts.accounts.RefundPayment;
import io.eventline.contracts.accounts.TakePayment;
import io.eventline.contracts.orders.OrderCancelled;
import io.eventline.contracts.orders.OrderEvent;
import io.eventline.contracts.orders.OrderItemReserved;
import io.eventline.contracts.orders.OrderPaid;
import io.eventline.contracts.orders.OrderPlaced;
import io.eventline.contracts.orders.OrderReserved;
import io.eventline.contracts.orders.OrderShipped;
import io.eventline.core.reaction.Reaction;
import io.eventline.core.reaction.Routed;
import java.util.List;

/** Payments, choreographed: take the total when an order is placed, refund it when it is cancelled. */
public final class PaymentReaction implements Reaction<OrderEvent, AccountCommand> {
    @Override
    public List<Routed<AccountCommand>> react(OrderEvent event) {
        return switch (event) {
            case OrderPlaced e -> List.of(new Routed<>(e.customerId(),
                    new TakePayment(e.customerId(), e.orderId(), e.total())));
            case OrderCancelled e -> List.of(new Routed<>(e.customerId(),
                    new RefundPayment(e.customerId(), e.orderId())));
            case OrderPaid e -> List.of();
            case OrderItemReserved e -> List.of();
            case OrderReserved e -> List.of();
            case OrderShipped e -> List.of();
        };
    }
}
