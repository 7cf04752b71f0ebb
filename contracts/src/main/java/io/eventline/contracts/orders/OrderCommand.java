package io.eventline.contracts.orders;

/** What may be asked of an order, on {@code orders.commands} keyed by order id. */
public sealed interface OrderCommand permits PlaceOrder, ConfirmPayment, ConfirmStock, ConfirmShipment, CancelOrder {
    String orderId();
}
