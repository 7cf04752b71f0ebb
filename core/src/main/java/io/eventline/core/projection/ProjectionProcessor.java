package io.eventline.core.projection;

import io.eventline.core.dlq.DeadLetter;
import io.eventline.core.dlq.DeadLetterReason;
import io.eventline.core.dlq.DeadLetters;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.MalformedEnvelopeException;
import io.eventline.core.envelope.MalformedMessageException;
import io.eventline.core.envelope.UnknownMessageTypeException;
import io.eventline.core.kafka.CommitWhenIdle;
import io.eventline.core.logging.CorrelationMdc;
import io.eventline.core.metrics.ProcessingObserver;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies each event to its view in the projection's store. What is no envelope, and an event of the
 * view whose version or data the projector cannot read, goes to the dead-letter topic; an event of a
 * type the view does not concern itself with is passed over.
 */
final class ProjectionProcessor<V> implements Processor<String, byte[], String, DeadLetter> {
    private final Projection<V> projection;
    private final String storeName;
    private final ProjectedCodec<V> codec;
    private final ViewChanges changes;
    private ProcessorContext<String, DeadLetter> context;
    private DeadLetters deadLetters;
    private ProcessingObserver observer;
    private CommitWhenIdle commits;
    private KeyValueStore<String, byte[]> store;
    private IndexWriter<V> index;

    ProjectionProcessor(Projection<V> projection, String storeName, ViewChanges changes) {
        this.projection = projection;
        this.storeName = storeName;
        this.changes = changes;
        this.codec = new ProjectedCodec<>(projection.viewType());
    }

    @Override
    public void init(ProcessorContext<String, DeadLetter> context) {
        this.context = context;
        this.deadLetters = DeadLetters.of(context, storeName + "-fold");
        this.observer = ProcessingObserver.of(context);
        this.commits = CommitWhenIdle.of(context);
        this.store = context.getStateStore(storeName);
        this.index = projection.index().map(terms -> new IndexWriter<>(terms,
                context.<KeyValueStore<String, byte[]>>getStateStore(storeName + "-index"), store, codec))
                .orElse(null);
        if (index != null) {
            index.backfillSoon(context);
        }
    }

    @Override
    public void process(Record<String, byte[]> record) {
        // Every log line written while handling the record carries its correlation id (CorrelationMdc).
        try (CorrelationMdc ignored = CorrelationMdc.of(record.headers())) {
            handle(record);
        }
    }

    private void handle(Record<String, byte[]> record) {
        commits.recordProcessed();
        if (record.value() == null || deadLetters.forAnother(record)) {
            return;
        }
        EventEnvelope event;
        try {
            event = EnvelopeCodec.fromBytes(record.value());
        } catch (MalformedEnvelopeException e) {
            context.forward(deadLetters.letter(record, DeadLetterReason.UNREADABLE, e));
            return;
        }
        Optional<String> key = projection.projector().keyOf(event);
        if (key.isEmpty()) {
            observer.processed(context.applicationId(), record.timestamp());
            return;
        }
        byte[] stored = store.get(key.get());
        Projected<V> before = stored == null
                ? new Projected<>(projection.projector().initial(), 0, event.timestamp()) : codec.read(stored);
        V after;
        try {
            after = projection.projector().apply(before.view(), event);
        } catch (UnknownMessageTypeException | MalformedMessageException e) {
            context.forward(deadLetters.letter(record, DeadLetterReason.of(e), e));
            return;
        }
        byte[] written = codec.write(new Projected<>(after, before.version() + 1, event.timestamp()));
        store.put(key.get(), written);
        if (index != null) {
            index.moved(key.get(), stored == null ? null : before, after, event.timestamp());
        }
        changes.changed(key.get(), written);
        observer.processed(context.applicationId(), record.timestamp());
    }
}
