package io.eventline.orders;

import io.eventline.contracts.Money;
import io.eventline.contracts.orders.CancelReason;
import io.eventline.contracts.orders.OrderCancelled;
import io.eventline.contracts.orders.OrderItemReserved;
import io.eventline.contracts.orders.OrderLine;
import io.eventline.contracts.orders.OrderPaid;
import io.eventline.contracts.orders.OrderPlaced;
import io.eventline.contracts.orders.OrderReserved;
import io.eventline.contracts.orders.PlaceOrder;
import java.math.BigDecimal;
import java.util.List;

/** One order of two skus, and the events of its saga, for the tests. */
final class OrderFixtures {
    static final String ID = "o-1";
    static final String CUSTOMER = "alice";
    static final List<OrderLine> ITEMS = List.of(new OrderLine("tea", 2, money("10.25")),
            new OrderLine("cake", 1, money("22.00")));
    static final Money TOTAL = money("42.50");
    static final PlaceOrder PLACE = new PlaceOrder(ID, CUSTOMER, ITEMS, "EUR");
    static final OrderPlaced PLACED = new OrderPlaced(ID, CUSTOMER, ITEMS, "EUR", TOTAL);
    static final OrderPaid PAID = new OrderPaid(ID, CUSTOMER, ITEMS, TOTAL);
    static final OrderItemReserved TEA_RESERVED = new OrderItemReserved(ID, CUSTOMER, "tea");
    static final OrderItemReserved CAKE_RESERVED = new OrderItemReserved(ID, CUSTOMER, "cake");
    static final OrderReserved RESERVED = new OrderReserved(ID, CUSTOMER, ITEMS);

    static OrderCancelled cancelled(CancelReason reason) {
        return new OrderCancelled(ID, CUSTOMER, ITEMS, reason);
    }

    static Money money(String amount) {
        return Money.of(new BigDecimal(amount));
    }

    private OrderFixtures() {
    }
}
