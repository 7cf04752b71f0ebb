package io.eventline.core.retry;

import io.eventline.core.dlq.DeadLetter;
import io.eventline.core.retry.EffectWorld.FlakyMailer;
import io.eventline.core.retry.EffectWorld.Mail;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedPunctuator;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * One task of the mail effect on a {@link MockProcessorContext}, with stores that outlive its
 * processors: a test starts a processor, feeds it events, ticks it, closes it and starts another, as a
 * restart would. Attempts run on the stream thread and are settled at the next tick; the clock moves
 * only when the test moves {@link #now}.
 */
final class EffectTask {
    private static final Supplier<Executor> ON_THE_THREAD = () -> Runnable::run;

    final FlakyMailer mailer = new FlakyMailer();
    final MockProcessorContext<String, DeadLetter> context = new MockProcessorContext<>(settings());
    final KeyValueStore<String, byte[]> done = store("mails-done");
    /** Where the version before kept the effects pending. */
    final KeyValueStore<String, byte[]> legacyPending = store("mails-pending");
    long now;
    /** Where the current processor's punctuators begin: a closed one's are Kafka Streams' to drop. */
    private int firstOfCurrent;

    EffectProcessor<Mail> started() {
        firstOfCurrent = context.scheduledPunctuators().size();
        EffectProcessor<Mail> processor = new EffectProcessor<>(EffectWorld.spec(mailer), ON_THE_THREAD);
        processor.init(context);
        return processor;
    }

    void mail(EffectProcessor<Mail> processor, String to) {
        process(processor, to, EffectWorld.mail(to), new RecordHeaders());
    }

    void process(EffectProcessor<Mail> processor, String key, byte[] event, Headers headers) {
        context.setRecordMetadata("mails.events", 0, 0);
        context.setCurrentSystemTimeMs(now);
        processor.process(new Record<>(key, event, now, headers));
    }

    boolean ticking() {
        return current().stream().anyMatch(punctuator -> !punctuator.cancelled());
    }

    void tick() {
        context.setCurrentSystemTimeMs(now);
        for (CapturedPunctuator punctuator : List.copyOf(current())) {
            if (!punctuator.cancelled()) {
                punctuator.getPunctuator().punctuate(now);
            }
        }
    }

    private List<CapturedPunctuator> current() {
        List<CapturedPunctuator> all = context.scheduledPunctuators();
        return all.subList(firstOfCurrent, all.size());
    }

    private KeyValueStore<String, byte[]> store(String name) {
        KeyValueStore<String, byte[]> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                Serdes.String(), Serdes.ByteArray()).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }

    private static Properties settings() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "eventline-mails");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return props;
    }
}
