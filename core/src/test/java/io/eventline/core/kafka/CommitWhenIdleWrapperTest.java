package io.eventline.core.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitWhenIdleWrapperTest {
    @TempDir
    Path state;

    @Test
    void aDslProcessorOfATopologyBuiltWithEventlinesSettingsReports() throws Exception {
        assertTrue(onANewThread(() -> pipeThroughMapValues(StreamsSettings.builder(settings()))));
    }

    @Test
    void aPlainBuilderWrapsNothing() throws Exception {
        // the reason StreamsSettings.builder exists: the wrapper setting alone is not enough
        assertFalse(onANewThread(() -> pipeThroughMapValues(new StreamsBuilder())));
    }

    @Test
    void aWrappedProcessorAsksForACommitOnAnIdleThreadAndStillDoesItsWork() throws Exception {
        List<Object> outcome = onANewThread(() -> {
            MockProcessorContext<String, String> context = new MockProcessorContext<>();
            Processor<String, String, String, String> processor = new CommitWhenIdleWrapper()
                    .wrapProcessorSupplier("upper", upper()).get();
            processor.init(context);
            processor.process(new Record<>("k", "v", 0L));
            return List.of(context.committed(), context.forwarded().getFirst().record().value());
        });
        assertEquals(List.of(true, "V"), outcome);
    }

    @Test
    void theWrappedSupplierKeepsTheStoresOfTheOriginal() {
        assertEquals(Set.of("kept"), new CommitWhenIdleWrapper().wrapProcessorSupplier("upper", upper()).stores()
                .stream().map(StoreBuilder::name).collect(java.util.stream.Collectors.toSet()));
    }

    private Properties settings() {
        return StreamsSettings.exactlyOnce("wrapper-test", Map.of("bootstrap.servers", "localhost:9"), state);
    }

    private boolean pipeThroughMapValues(StreamsBuilder builder) {
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()).withName("in"))
                .mapValues(value -> value, Named.as("same"))
                .to("out", Produced.with(Serdes.String(), Serdes.String()).withName("out"));
        Properties props = settings();
        try (var driver = new TopologyTestDriver(builder.build(props), props)) {
            driver.createInputTopic("in", Serdes.String().serializer(), Serdes.String().serializer())
                    .pipeInput("k", "v");
        }
        return CommitWhenIdle.reportedOnThisThread();
    }

    private static ProcessorSupplier<String, String, String, String> upper() {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, String, String, String> get() {
                return new Processor<>() {
                    private org.apache.kafka.streams.processor.api.ProcessorContext<String, String> context;

                    @Override
                    public void init(org.apache.kafka.streams.processor.api.ProcessorContext<String, String> context) {
                        this.context = context;
                    }

                    @Override
                    public void process(Record<String, String> record) {
                        context.forward(record.withValue(record.value().toUpperCase()));
                    }
                };
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("kept"), Serdes.String(),
                        Serdes.String()));
            }
        };
    }

    private static <T> T onANewThread(Supplier<T> work) throws Exception {
        return CompletableFuture.supplyAsync(work, runnable -> new Thread(runnable).start()).get();
    }
}
