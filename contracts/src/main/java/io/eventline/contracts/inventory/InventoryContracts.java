package io.eventline.contracts.inventory;

import io.eventline.core.envelope.Catalogue;
import io.eventline.core.kafka.AggregateTopics;

/** The inventory aggregate's messages: {@code inventory.events}, {@code inventory.commands}, keyed by sku. */
public final class InventoryContracts {
    public static final String NAME = "inventory";
    /** Its commands, events and replies topics, named after it (the rule of {@link AggregateTopics}). */
    public static final AggregateTopics TOPICS = AggregateTopics.of(NAME);
    /** The public event topic, keyed by aggregate id; new consumers read it from offset 0. */
    public static final String TOPIC = TOPICS.events().name();

    public static final Catalogue<InventoryEvent> EVENTS = Catalogue.of(InventoryEvent.class)
            .add("stock.added", StockAdded.class)
            .add("stock.reserved", StockReserved.class)
            .add("stock.reservation-failed", StockReservationFailed.class)
            .add("stock.released", StockReleased.class)
            .add("stock.shipped", StockShipped.class)
            .build();

    public static final Catalogue<InventoryCommand> COMMANDS = Catalogue.of(InventoryCommand.class)
            .add("stock.add", AddStock.class)
            .add("stock.reserve", ReserveStock.class)
            .add("stock.release", ReleaseStock.class)
            .add("stock.ship", ShipStock.class)
            .build();

    private InventoryContracts() {
    }
}
