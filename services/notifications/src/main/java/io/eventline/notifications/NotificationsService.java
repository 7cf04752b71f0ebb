package io.eventline.notifications;

import io.eventline.contracts.customers.CustomerContracts;
import io.eventline.contracts.notifications.NotificationCommand;
import io.eventline.contracts.notifications.NotificationContracts;
import io.eventline.contracts.notifications.NotificationEvent;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.core.decider.Aggregate;
import io.eventline.core.decider.DeciderTopology;
import io.eventline.core.reaction.ReactionTopology;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The notifications service: one message per order outcome. Its aggregate is keyed by order id, so
 * that "once per order" is decided by the one task that owns the order's partition.
 */
public final class NotificationsService {
    public static final Aggregate<NotificationCommand, Notification, NotificationEvent> AGGREGATE = new Aggregate<>(
            NotificationContracts.NAME, new NotificationDecider(), NotificationContracts.COMMANDS,
            NotificationContracts.EVENTS, Notification.class);
    /** Notifications' own copy of {@code customers} (event-carried state transfer), for the email. */
    public static final String CUSTOMERS_STORE = "notifications-customers";

    private NotificationsService() {
    }

    /** The customers table, the decider, and the reaction to orders' terminal events. */
    public static void addTo(StreamsBuilder builder) {
        // Global: every instance holds every customer, so the reaction reads it whatever partition of
        // orders.events it owns, with no repartition by customer id.
        builder.globalTable(CustomerContracts.TOPIC,
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(CUSTOMERS_STORE + "-table"),
                Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(CUSTOMERS_STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray()));
        DeciderTopology.addTo(builder, AGGREGATE);
        ReactionTopology.addTo(builder, "notifications-on-orders", OrderContracts.TOPIC, OrderContracts.EVENTS,
                new OrderOutcomeReaction(), AGGREGATE);
    }
}
