package io.eventline.notifications;

import io.eventline.contracts.notifications.NotificationCommand;
import io.eventline.contracts.notifications.NotificationEvent;
import io.eventline.contracts.notifications.NotificationSent;
import io.eventline.core.decider.AggregateQueries;
import io.eventline.core.decider.StoreProvider;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.Timestamps;
import io.eventline.core.query.FirstSorted;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
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
     * The newest {@code limit} messages, newest first. The history store is keyed by order, not by
     * time, so this still reads every message of this instance's partitions (one notification per
     * order), but keeps only {@code limit} of them at a time: memory for the page, not for the store. A
     * time-ordered index would answer from a range; it is not built yet.
     */
    List<NotificationView> newest(int limit) {
        List<EventEnvelope> first;
        try (KeyValueIterator<String, byte[]> all = stores.store(NotificationsService.AGGREGATE.historyStore()).all()) {
            Iterator<KeyValue<String, byte[]>> entries = all;
            first = FirstSorted.of(Stream.iterate(entries, Iterator::hasNext, it -> it).map(Iterator::next)
                    .map(entry -> EnvelopeCodec.fromBytes(entry.value)), NEWEST_FIRST, limit);
        }
        return first.stream().map(NotificationLog::view).toList();
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
