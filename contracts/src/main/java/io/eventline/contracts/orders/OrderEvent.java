package io.eventline.contracts.orders;

/** What happens to an order, on {@code orders.events} keyed by order id. */
public sealed interface OrderEvent permits OrderPlaced, OrderPaid, OrderItemReserved, OrderReserved, OrderShipped,
        OrderCancelled {
    String orderId();

    String customerId();
}
