package io.eventline.core.kafka;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Tells {@link CommitWhenIdle} of each record the application reads, as it enters ({@link Sources}
 * puts one on every stream it hands out), then passes it on unchanged.
 *
 * <p>Why: a small poll's output is committed at once when its last record is processed, and a record
 * that only goes through Kafka Streams' own processors (a history table, a read model's DSL) reported
 * nothing. When such a record came last (an order's events and a shipment's, read back in the poll that
 * brought the saga the shipment's reply, committed together), the reply's output waited for the commit
 * timer: a whole commit interval on an idle platform.
 */
final class ReadReport implements FixedKeyProcessor<String, byte[], byte[]> {
    private FixedKeyProcessorContext<String, byte[]> context;
    private CommitWhenIdle commits;

    @Override
    public void init(FixedKeyProcessorContext<String, byte[]> context) {
        this.context = context;
        this.commits = CommitWhenIdle.of(context);
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        commits.recordProcessed();
        context.forward(record);
    }
}
