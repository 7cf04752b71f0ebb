package io.eventline.orders;

import io.eventline.contracts.Money;
import io.eventline.contracts.orders.CancelReason;
import io.eventline.contracts.orders.OrderLine;
import java.util.List;

/** The order as its read model holds it: what the API shows, steps included, built from its events. */
public record OrderSummary(String customerId, List<OrderLine> items, Money total, String currency,
                           OrderStatus status, CancelReason reason, List<OrderView.Step> steps) {
    static final OrderSummary NONE = new OrderSummary(null, List.of(), Money.ZERO, null, OrderStatus.NONE, null,
            List.of());

    public OrderSummary {
        items = List.copyOf(items);
        steps = List.copyOf(steps);
    }
}
