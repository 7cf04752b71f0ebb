package io.eventline.notifications;

import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.MalformedEnvelopeException;
import io.eventline.core.query.RecencyIndex;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists each message sent in {@value NotificationsService#BY_TIME_STORE}, newest first
 * ({@link RecencyIndex}), as the decider's events are read back: {@code GET /api/notifications} then
 * reads its page rather than every message. A message never changes, so each costs one entry, written
 * once. The index has no changelog: whenever the task starts (its copy on disk may be another time's)
 * it is listed afresh from the history store, at the first punctuation (stores cannot be written in
 * {@code init}).
 */
final class NotificationIndexer implements Processor<String, byte[], Void, Void> {
    /** The one list: every message. */
    static final String ALL = "all";
    private static final Logger LOG = LoggerFactory.getLogger(NotificationIndexer.class);

    private KeyValueStore<String, byte[]> index;
    private KeyValueStore<String, ValueAndTimestamp<byte[]>> history;
    private Cancellable backfill;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        index = context.getStateStore(NotificationsService.BY_TIME_STORE);
        history = context.getStateStore(NotificationsService.AGGREGATE.historyStore());
        backfill = context.schedule(Duration.ofMillis(1), PunctuationType.WALL_CLOCK_TIME, now -> backfill());
    }

    @Override
    public void process(Record<String, byte[]> record) {
        sent(record.value()).ifPresent(message -> list(record.key(), message));
    }

    private void list(String orderId, EventEnvelope message) {
        RecencyIndex.put(index, List.of(ALL), message.timestamp(), orderId);
    }

    /** The message an event of the history is, if it is one (the history leaves out what is none). */
    private static Optional<EventEnvelope> sent(byte[] value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            EventEnvelope event = EnvelopeCodec.fromBytes(value);
            return NotificationsService.AGGREGATE.events().find(event.eventType()).map(type -> event);
        } catch (MalformedEnvelopeException e) {
            return Optional.empty();
        }
    }

    private void backfill() {
        backfill.cancel();
        try (KeyValueIterator<String, byte[]> entries = index.all()) {
            entries.forEachRemaining(entry -> index.delete(entry.key));
        }
        long listed = 0;
        try (KeyValueIterator<String, ValueAndTimestamp<byte[]>> all = history.all()) {
            while (all.hasNext()) {
                var entry = all.next();
                Optional<EventEnvelope> message = sent(entry.value == null ? null : entry.value.value());
                if (message.isPresent()) {
                    list(message.get().aggregateId(), message.get());
                    listed++;
                }
            }
        }
        LOG.debug("listed {} messages in {}", listed, NotificationsService.BY_TIME_STORE);
    }
}
