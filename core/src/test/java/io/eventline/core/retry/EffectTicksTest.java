package io.eventline.core.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.core.dlq.DeadLetter;
import io.eventline.core.retry.EffectWorld.FlakyMailer;
import io.eventline.core.retry.EffectWorld.Mail;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedPunctuator;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * The effect's punctuator runs only while an effect is under way or waiting for its next attempt:
 * Kafka Streams commits a task after each punctuation, so a tick on an idle task would commit a
 * transaction every commit interval for ever.
 */
class EffectTicksTest {
    private static final Supplier<Executor> ON_THE_THREAD = () -> Runnable::run;

    private final FlakyMailer mailer = new FlakyMailer();
    private final MockProcessorContext<String, DeadLetter> context = new MockProcessorContext<>(settings());
    private final KeyValueStore<String, byte[]> done = store("mails-done");
    private final KeyValueStore<String, byte[]> pending = store("mails-pending");
    private long now;
    /** Where the current processor's punctuators begin: a closed one's are Kafka Streams' to drop. */
    private int firstOfCurrent;

    @Test
    void shouldTickOnlyWhileAnEffectIsUnderWay() {
        EffectProcessor<Mail> processor = started();
        assertThat(ticking()).as("nothing to do at the start").isFalse();

        mail(processor, "alice");
        assertThat(ticking()).as("an attempt under way").isTrue();

        tick(); // settles the attempt, which ran on the thread
        assertThat(mailer.delivered).containsExactly("alice");
        assertThat(ticking()).as("all done").isFalse();
    }

    @Test
    void shouldTickWhileAnEffectWaitsForItsNextAttemptAndAfterARestart() {
        mailer.transientFailuresLeft.put("bob", 1);
        EffectProcessor<Mail> processor = started();
        mail(processor, "bob");
        tick(); // the first attempt failed: the next one waits out its backoff
        assertThat(ticking()).as("waiting for the next attempt").isTrue();

        processor.close();
        EffectProcessor<Mail> restarted = started();
        assertThat(ticking()).as("restarted with an effect parked").isTrue();
        now += EffectWorld.POLICY.backoffAfter(1).toMillis();
        tick(); // starts the second attempt
        tick(); // settles it
        assertThat(mailer.delivered).containsExactly("bob");
        assertThat(ticking()).isFalse();
        restarted.close();
    }

    private EffectProcessor<Mail> started() {
        firstOfCurrent = context.scheduledPunctuators().size();
        EffectProcessor<Mail> processor = new EffectProcessor<>(EffectWorld.spec(mailer), ON_THE_THREAD);
        processor.init(context);
        return processor;
    }

    private void mail(EffectProcessor<Mail> processor, String to) {
        context.setRecordMetadata("mails.events", 0, 0);
        context.setCurrentSystemTimeMs(now);
        processor.process(new Record<>(to, EffectWorld.mail(to), now));
    }

    private boolean ticking() {
        return current().stream().anyMatch(punctuator -> !punctuator.cancelled());
    }

    private void tick() {
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
