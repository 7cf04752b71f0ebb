package io.eventline.notifications;

import io.eventline.contracts.notifications.NotificationCommand;
import io.eventline.contracts.notifications.NotificationEvent;
import io.eventline.contracts.notifications.NotificationSent;
import io.eventline.core.decider.AggregateQueries;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.Timestamps;
import io.eventline.core.query.PartitionStores;
import io.eventline.core.query.RecencyIndex;
import java.util.List;

/**
 * The messages sent, read from the aggregate's own stores. Throws Kafka's
 * {@code InvalidStateStoreException} while a store is restoring or rebalancing, {@code NotReady} while
 * the streams are not running.
 */
final class NotificationLog {
    private final AggregateQueries<NotificationCommand, Notification, NotificationEvent> queries;
    private final PartitionStores partitions;

    NotificationLog(AggregateQueries<NotificationCommand, Notification, NotificationEvent> queries,
                    PartitionStores partitions) {
        this.queries = queries;
        this.partitions = partitions;
    }

    /** The order's message: none, or one. */
    List<NotificationView> forOrder(String orderId) {
        return queries.events(orderId).stream().map(NotificationLog::view).toList();
    }

    /**
     * The newest {@code limit} messages, newest first (ties by order id), from the list kept newest
     * first ({@link NotificationIndexer}): {@code limit} entries of it plus one per partition, then
     * each message from its order's history (one per order). No scan of the messages.
     */
    List<NotificationView> newest(int limit) {
        return RecencyIndex.newest(partitions.of(NotificationsService.BY_TIME_STORE), NotificationIndexer.ALL, limit)
                .stream().flatMap(orderId -> forOrder(orderId).stream()).toList();
    }

    private static NotificationView view(EventEnvelope envelope) {
        NotificationEvent event = NotificationsService.AGGREGATE.events()
                .decode(envelope.eventType(), envelope.version(), envelope.data());
        return switch (event) {
            case NotificationSent e -> new NotificationView(e.orderId(), e.customerId(), e.outcome(), e.reason(),
                    e.to(), e.subject(), Timestamps.format(envelope.timestamp()));
        };
    }
}
