package io.eventline.core.retry;

import io.eventline.core.dlq.DeadLetterSink;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.kafka.Sources;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * A side effect driven by an event topic: {@code topic} → select the events that ask for it → perform
 * it once per event id, off the stream thread, retrying transient failures with backoff and
 * dead-lettering the rest to the application's dead-letter topic (with the events it cannot read).
 *
 * <p>Stores {@code <name>-done}: per event id, the effect while it is pending (payload, attempts, next
 * due time, the record that asked for it), then its outcome in its place, kept for ever (an idempotent
 * consumer's memory, read again on a replay): two changelog records per effect, where a store of
 * pending effects beside it cost three (put, tombstone, outcome). And {@code <name>-pending}, where
 * effects waited before: it stays so that those parked there when an upgrade starts are moved into
 * {@code <name>-done}, not lost; nothing is written to it since. Nodes {@code <name>-source},
 * {@code <name>-perform}, {@code <name>-dlq}. It also reads
 * {@code <name>.replays} ({@link Spec#replayTopic()}), which must exist with as many partitions as
 * {@code topic}: a dead-lettered effect is replayed there, not to {@code topic}, so that the other
 * readers of the event topic never see its event twice.
 *
 * <p>Delivery to the outside world is at least once, and exactly once as far as Kafka can tell: an
 * attempt whose outcome was not yet committed when the process died is made again, with the same
 * idempotency key, for the target to recognise.
 *
 * {@snippet :
 * EffectTopology.addTo(sources, new EffectTopology.Spec<>("wallets-receipts", "wallets.events",
 *         Receipt::of, Receipt.class, printer, RetryPolicy.DEFAULT, Duration.ofMillis(200)));
 * }
 */
public final class EffectTopology {
    private EffectTopology() {
    }

    /**
     * @param select the payload of an event that asks for the effect; empty for the others. It may
     *     throw what {@code Catalogue.decode} throws: the event is then dead-lettered as unreadable
     * @param tick how often finished attempts are collected and due ones started (an event that
     *     finds every place taken collects them too): the floor of an effect's latency when events
     *     stop, and of its backoff's precision
     */
    public record Spec<T>(String name, String topic, Function<EventEnvelope, Optional<T>> select,
                          Class<T> payloadType, SideEffect<T> effect, RetryPolicy policy, Duration tick) {
        public Spec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(select, "select");
            Objects.requireNonNull(payloadType, "payloadType");
            Objects.requireNonNull(effect, "effect");
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(tick, "tick");
        }

        /** Where dead-lettered effects are replayed to: {@code <name>.replays}, read by this effect alone. */
        public String replayTopic() {
            return name + ".replays";
        }

        String doneStore() {
            return name + "-done";
        }

        /** Where effects were parked before they moved into the done store: read at init, for an upgrade. */
        String legacyPendingStore() {
            return name + "-pending";
        }
    }

    /**
     * Adds the effect; its attempts run on virtual threads, a fresh executor per task. Its topic comes
     * from {@code sources}: an application that runs the aggregate's decider reads it through the
     * history table, once.
     */
    public static <T> void addTo(Sources sources, Spec<T> spec) {
        addTo(sources, spec, virtualThreads(spec));
    }

    private static Supplier<Executor> virtualThreads(Spec<?> spec) {
        return () -> Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(spec.name() + "-attempt-", 0).factory());
    }

    /** @param executors runs each task's attempts; a test may run them on the stream thread */
    static <T> void addTo(Sources sources, Spec<T> spec, Supplier<Executor> executors) {
        StreamsBuilder builder = sources.builder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(spec.doneStore()), Serdes.String(), Serdes.ByteArray())
                .withCachingEnabled());
        // The legacy pending store stays, read-only but for the move: effects parked in it by a version
        // that kept them apart wait there when the upgrade starts, and each task moves its own into the
        // done store at init (EffectLedger), lest they be lost. Empty since, its changelog gets no record.
        // Dropping it is a topology change, for when no deployment may still hold one such effect.
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(spec.legacyPendingStore()), Serdes.String(), Serdes.ByteArray())
                .withCachingEnabled());
        KStream<String, byte[]> inputs = sources.stream(spec.replayTopic(), spec.name() + "-replays-source")
                .merge(sources.stream(spec.topic(), spec.name() + "-source"),
                        Named.as(spec.name() + "-events-and-replays"));
        String part = sources.part();
        DeadLetterSink.sink(inputs
                .process(() -> new EffectProcessor<>(spec, executors, part), Named.as(spec.name() + "-perform"),
                        spec.doneStore(), spec.legacyPendingStore()), spec.name());
    }
}
