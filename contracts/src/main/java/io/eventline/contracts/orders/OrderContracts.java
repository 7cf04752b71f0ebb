package io.eventline.contracts.orders;

import io.eventline.core.envelope.Catalogue;
import io.eventline.core.kafka.AggregateTopics;

/** The orders aggregate's messages: {@code orders.events}, {@code orders.commands}, keyed by order id. */
public final class OrderContracts {
    public static final String NAME = "orders";
    /** Its commands, events and replies topics, named after it (the rule of {@link AggregateTopics}). */
    public static final AggregateTopics TOPICS = AggregateTopics.of(NAME);
    /** The public event topic, keyed by aggregate id; new consumers read it from offset 0. */
    public static final String TOPIC = TOPICS.events().name();

    public static final Catalogue<OrderEvent> EVENTS = Catalogue.of(OrderEvent.class)
            .add("order.placed", OrderPlaced.class)
            .add("order.paid", OrderPaid.class)
            .add("order.item-reserved", OrderItemReserved.class)
            .add("order.reserved", OrderReserved.class)
            .add("order.shipped", OrderShipped.class)
            .add("order.cancelled", OrderCancelled.class)
            .build();

    public static final Catalogue<OrderCommand> COMMANDS = Catalogue.of(OrderCommand.class)
            .add("order.place", PlaceOrder.class)
            .add("order.confirm-payment", ConfirmPayment.class)
            .add("order.confirm-stock", ConfirmStock.class)
            .add("order.confirm-shipment", ConfirmShipment.class)
            .add("order.cancel", CancelOrder.class)
            .build();

    private OrderContracts() {
    }
}
