package io.eventline.contracts.schemas;

import io.eventline.contracts.accounts.AccountContracts;
import io.eventline.contracts.catalog.CatalogContracts;
import io.eventline.contracts.customers.CustomerContracts;
import io.eventline.contracts.inventory.InventoryContracts;
import io.eventline.contracts.notifications.NotificationContracts;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.shipments.ShipmentContracts;
import io.eventline.core.envelope.Catalogue;
import java.util.List;
import java.util.Objects;

/**
 * A topic whose record values are event envelopes, and the catalogue of the event types it carries:
 * the public contract of docs/api.md, one schema per type and version. Command, reply and saga topics
 * are internal and have none.
 */
public record EventTopic(String topic, Catalogue<?> events) {
    /** Every event topic of Eventline, in the order of docs/api.md. */
    public static final List<EventTopic> ALL = List.of(
            new EventTopic(CustomerContracts.TOPIC, CustomerContracts.EVENTS),
            new EventTopic(AccountContracts.TOPIC, AccountContracts.EVENTS),
            new EventTopic(InventoryContracts.TOPIC, InventoryContracts.EVENTS),
            new EventTopic(OrderContracts.TOPIC, OrderContracts.EVENTS),
            new EventTopic(ShipmentContracts.TOPIC, ShipmentContracts.EVENTS),
            new EventTopic(NotificationContracts.TOPIC, NotificationContracts.EVENTS),
            new EventTopic(CatalogContracts.TOPIC, CatalogContracts.EVENTS),
            new EventTopic(CatalogContracts.SALES_TOPIC, CatalogContracts.SALES));

    public EventTopic {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(events, "events");
    }
}
