package io.eventline.core.projection;

import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.MalformedEnvelopeException;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies each event to its view in the projection's store. */
final class ProjectionProcessor<V> implements Processor<String, byte[], Void, Void> {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionProcessor.class);

    private final Projection<V> projection;
    private final String storeName;
    private final ProjectedCodec<V> codec;
    private KeyValueStore<String, byte[]> store;

    ProjectionProcessor(Projection<V> projection, String storeName) {
        this.projection = projection;
        this.storeName = storeName;
        this.codec = new ProjectedCodec<>(projection.viewType());
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        EventEnvelope event;
        try {
            event = EnvelopeCodec.fromBytes(record.value());
        } catch (MalformedEnvelopeException e) {
            LOG.warn("{}: unreadable event (key {}), skipped: {}", storeName, record.key(), e.getMessage());
            return;
        }
        Optional<String> key = projection.projector().keyOf(event);
        if (key.isEmpty()) {
            return;
        }
        byte[] stored = store.get(key.get());
        Projected<V> before = stored == null
                ? new Projected<>(projection.projector().initial(), 0, event.timestamp()) : codec.read(stored);
        V after = projection.projector().apply(before.view(), event);
        store.put(key.get(), codec.write(new Projected<>(after, before.version() + 1, event.timestamp())));
    }
}
