package io.eventline.contracts.shipments;

import io.eventline.core.envelope.Catalogue;
import io.eventline.core.kafka.AggregateTopics;

/**
 * The shipments aggregate's messages: {@code shipments.events}, {@code shipments.commands}, keyed by
 * order id. The aggregate is named {@code shipments}, the service {@code shipping}.
 */
public final class ShipmentContracts {
    public static final String NAME = "shipments";
    /** Its commands, events and replies topics, named after it (the rule of {@link AggregateTopics}). */
    public static final AggregateTopics TOPICS = AggregateTopics.of(NAME);
    /** The public event topic, keyed by aggregate id; new consumers read it from offset 0. */
    public static final String TOPIC = TOPICS.events().name();
    public static final String NO_ADDRESS = "NO_ADDRESS";
    public static final String UNSUPPORTED_COUNTRY = "UNSUPPORTED_COUNTRY";

    public static final Catalogue<ShipmentEvent> EVENTS = Catalogue.of(ShipmentEvent.class)
            .add("shipment.scheduled", ShipmentScheduled.class)
            .add("shipment.failed", ShipmentFailed.class)
            .add("shipment.cancelled", ShipmentCancelled.class)
            .build();

    public static final Catalogue<ShipmentCommand> COMMANDS = Catalogue.of(ShipmentCommand.class)
            .add("shipment.schedule", ScheduleShipment.class)
            .add("shipment.cancel", CancelShipment.class)
            .build();

    private ShipmentContracts() {
    }
}
