package io.eventline.catalog;

import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Debezium's change records of the products table into the catalog topic's records: the whole
 * product in its envelope, or a tombstone for a delete. It remembers, per sku, the log position of the
 * last change it passed on, in the same transaction as its output: a change at or before it (Debezium
 * delivering again after a restart) is dropped, so a repeat never writes a row's older state over its
 * newer one. Debezium's own tombstones (null values after a delete) are dropped: the delete made one.
 */
final class ProductChanges implements Processor<byte[], byte[], String, byte[]> {
    private static final Logger LOG = LoggerFactory.getLogger(ProductChanges.class);

    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, Long> applied;

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.applied = context.getStateStore(CatalogService.APPLIED_STORE);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        if (record.value() == null) {
            return;
        }
        RowChange change = RowChange.parse(record.value());
        Long last = applied.get(change.sku());
        if (last != null && change.lsn() <= last) {
            LOG.debug("change of {} at LSN {} already applied (last {}): dropped", change.sku(), change.lsn(), last);
            return;
        }
        applied.put(change.sku(), change.lsn());
        if (change.after().isEmpty()) {
            context.forward(new Record<String, byte[]>(change.sku(), null, change.committedAt()));
            return;
        }
        EventEnvelope envelope = ProductEvents.envelope(change, change.after().get());
        context.forward(new Record<>(change.sku(), EnvelopeCodec.toBytes(envelope),
                envelope.timestamp().toEpochMilli(), EnvelopeCodec.headers(envelope)));
    }
}
