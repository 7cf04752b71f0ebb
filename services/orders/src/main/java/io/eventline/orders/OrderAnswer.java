package io.eventline.orders;

/**
 * What a reply to an order's command says of the order: its status, which the API answers
 * ({@code 202 {orderId, status}}). The lines and totals stay out of every reply.
 */
record OrderAnswer(OrderStatus status) {
    static OrderAnswer of(Order order) {
        return new OrderAnswer(order.status());
    }
}
