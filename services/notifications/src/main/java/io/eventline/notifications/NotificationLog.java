package io.eventline.notifications;

import io.eventline.contracts.notifications.NotificationCommand;
import io.eventline.contracts.notifications.NotificationEvent;
import io.eventline.contracts.notifications.NotificationSent;
import io.eventline.core.decider.AggregateQueries;
import io.eventline.core.decider.StoreProvider;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.Timestamps;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * The messages sent, read from the aggregate's own stores. Throws Kafka's
 * {@code InvalidStateStoreException} while a store is restoring or rebalancing.
 */
final class NotificationLog {
    private static final Comparator<EventEnvelope> NEWEST_FIRST = Comparator
            .comparing(EventEnvelope::timestamp).reversed()
            .thenComparing(EventEnvelope::aggregateId);

    private final AggregateQueries<NotificationCommand, Notification, NotificationEvent> queries;
    private final StoreProvider stores;

    NotificationLog(AggregateQueries<NotificationCommand, Notification, NotificationEvent> queries,
                    StoreProvider stores) {
        this.queries = queries;
        this.stores = stores;
    }

    /** The order's message: none, or one. */
    List<NotificationView> forOrder(String orderId) {
        return queries.events(orderId).stream().map(NotificationLog::view).toList();
    }

    /**
     * Every message, newest first. A scan of the whole history store, fine while it is small: a
     * projection ordered by time, with paging, comes with the read-model work.
     */
    List<NotificationView> all() {
        List<EventEnvelope> sent = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = stores.store(NotificationsService.AGGREGATE.historyStore()).all()) {
            all.forEachRemaining((KeyValue<String, byte[]> entry) -> sent.add(EnvelopeCodec.fromBytes(entry.value)));
        }
        sent.sort(NEWEST_FIRST);
        return sent.stream().map(NotificationLog::view).toList();
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
