package io.eventline.app;

import io.eventline.accounts.AccountsService;
import io.eventline.catalog.CatalogConnector;
import io.eventline.contracts.accounts.AccountContracts;
import io.eventline.contracts.catalog.CatalogContracts;
import io.eventline.contracts.customers.CustomerContracts;
import io.eventline.contracts.inventory.InventoryContracts;
import io.eventline.contracts.notifications.NotificationContracts;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.shipments.ShipmentContracts;
import io.eventline.core.dlq.DeadLetterQueue;
import io.eventline.core.kafka.StreamsSettings;
import io.eventline.core.projection.Projection;
import io.eventline.core.projection.ProjectionVersions;
import io.eventline.inventory.InventoryService;
import io.eventline.notifications.NotificationsService;
import io.eventline.orders.OrderViewProjector;
import java.util.ArrayList;
import java.util.List;

/**
 * Every topic of the platform. All are created before any service starts, also those of services
 * another process runs: a service's source topics must exist for its streams to start.
 *
 * <p>Dead letters: one topic per Kafka Streams application, named by
 * {@link StreamsSettings#deadLetterTopic}: {@code <service>.dlq} for each service, {@code <view>.dlq}
 * for each read model (a read model added to a service must be added to {@link #VIEWS}). They are kept
 * forever, like events: a dead letter is often the last copy of its record (commands go after a
 * week), a replay needs its bytes, and there are few; {@code eventline.dlq.replayed} (compacted)
 * remembers which were replayed.
 */
final class PlatformTopics {
    /** The read models the services start, each run as its own application. */
    static final List<Projection<?>> VIEWS = List.of(AccountsService.VIEW, InventoryService.VIEW,
            OrderViewProjector.PROJECTION);

    private PlatformTopics() {
    }

    static List<Topics.Spec> all() {
        List<Topics.Spec> topics = new ArrayList<>();
        topics.add(new Topics.Spec(CustomerContracts.TOPIC, Topics.Kind.COMPACTED));
        topics.add(new Topics.Spec(ProjectionVersions.TOPIC, Topics.Kind.COMPACTED));
        topics.add(new Topics.Spec(CatalogContracts.TOPIC, Topics.Kind.COMPACTED));
        topics.add(new Topics.Spec(CatalogContracts.SALES_TOPIC, Topics.Kind.EVENTS));
        // Debezium's change records of the products table, kept like events: the catalog service's input,
        // created here because the broker creates no topic on demand.
        topics.add(new Topics.Spec(CatalogConnector.CHANGES_TOPIC, Topics.Kind.EVENTS));
        // What the reporting sink could not write: kept like every dead-letter topic (Connect would
        // create it with the broker's default retention).
        topics.add(new Topics.Spec(CatalogConnector.SINK_DLQ_TOPIC, Topics.Kind.EVENTS));
        for (String aggregate : List.of(AccountContracts.NAME, InventoryContracts.NAME, OrderContracts.NAME,
                ShipmentContracts.NAME, NotificationContracts.NAME)) {
            topics.add(new Topics.Spec(aggregate + ".commands", Topics.Kind.COMMANDS));
            topics.add(new Topics.Spec(aggregate + ".events", Topics.Kind.EVENTS));
            topics.add(new Topics.Spec(aggregate + ".replies", Topics.Kind.REPLIES));
        }
        // The order saga's orchestrator hears its replies here, keyed by order id (orchestration only).
        topics.add(new Topics.Spec(OrderContracts.NAME + "-saga.replies", Topics.Kind.REPLIES));
        for (String service : Modules.names()) {
            topics.add(new Topics.Spec(StreamsSettings.deadLetterTopic(ServiceStreams.applicationId(service)), Topics.Kind.EVENTS));
        }
        for (Projection<?> view : VIEWS) {
            topics.add(new Topics.Spec(StreamsSettings.deadLetterTopic(view.applicationId(1)), Topics.Kind.EVENTS));
        }
        topics.add(new Topics.Spec(DeadLetterQueue.REPLAYED, Topics.Kind.COMPACTED));
        // A dead-lettered mail is replayed here, not to notifications.events: its event stays once in the log.
        topics.add(new Topics.Spec(NotificationsService.MAIL_REPLAYS, Topics.Kind.COMMANDS));
        return topics;
    }
}
