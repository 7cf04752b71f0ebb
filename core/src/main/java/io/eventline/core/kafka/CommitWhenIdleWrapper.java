package io.eventline.core.kafka;

import java.util.Set;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.ProcessorWrapper;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.WrappedFixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.WrappedProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Puts {@link CommitWhenIdle} on every processor of a topology, the DSL's included (Kafka Streams'
 * {@code processor.wrapper.class}, KIP-1112, which {@link StreamsSettings} sets). Before, only the
 * processors that called it themselves asked: a record reaching an idle thread through a table, a
 * window or a mapValues waited for the commit timer, or for a whole {@code poll.ms} blocked in the
 * next poll, before the next service saw what it wrote.
 *
 * <p>The topology must be built from a {@code StreamsBuilder} given these settings
 * ({@code new StreamsBuilder(new TopologyConfig(new StreamsConfig(props)))}): the plain constructor
 * wraps nothing.
 */
public final class CommitWhenIdleWrapper implements ProcessorWrapper {
    @Override
    public <KIn, VIn, KOut, VOut> WrappedProcessorSupplier<KIn, VIn, KOut, VOut> wrapProcessorSupplier(
            String processorName, ProcessorSupplier<KIn, VIn, KOut, VOut> supplier) {
        return ProcessorWrapper.asWrapped(new ProcessorSupplier<>() {
            @Override
            public Processor<KIn, VIn, KOut, VOut> get() {
                return new Asking<>(supplier.get());
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return supplier.stores();
            }
        });
    }

    @Override
    public <KIn, VIn, VOut> WrappedFixedKeyProcessorSupplier<KIn, VIn, VOut> wrapFixedKeyProcessorSupplier(
            String processorName, FixedKeyProcessorSupplier<KIn, VIn, VOut> supplier) {
        return ProcessorWrapper.asWrappedFixedKey(new FixedKeyProcessorSupplier<>() {
            @Override
            public FixedKeyProcessor<KIn, VIn, VOut> get() {
                return new AskingFixedKey<>(supplier.get());
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return supplier.stores();
            }
        });
    }

    /** Reports the record (the quiet spell is measured before it), then processes it; an ask is for the commit after this loop. */
    private static final class Asking<KIn, VIn, KOut, VOut> implements Processor<KIn, VIn, KOut, VOut> {
        private final Processor<KIn, VIn, KOut, VOut> processor;
        private CommitWhenIdle commits;

        Asking(Processor<KIn, VIn, KOut, VOut> processor) {
            this.processor = processor;
        }

        @Override
        public void init(ProcessorContext<KOut, VOut> context) {
            commits = CommitWhenIdle.of(context);
            processor.init(context);
        }

        @Override
        public void process(Record<KIn, VIn> record) {
            commits.recordProcessed();
            processor.process(record);
        }

        @Override
        public void close() {
            processor.close();
        }
    }

    private static final class AskingFixedKey<KIn, VIn, VOut> implements FixedKeyProcessor<KIn, VIn, VOut> {
        private final FixedKeyProcessor<KIn, VIn, VOut> processor;
        private CommitWhenIdle commits;

        AskingFixedKey(FixedKeyProcessor<KIn, VIn, VOut> processor) {
            this.processor = processor;
        }

        @Override
        public void init(FixedKeyProcessorContext<KIn, VOut> context) {
            commits = CommitWhenIdle.of(context);
            processor.init(context);
        }

        @Override
        public void process(FixedKeyRecord<KIn, VIn> record) {
            commits.recordProcessed();
            processor.process(record);
        }

        @Override
        public void close() {
            processor.close();
        }
    }
}
