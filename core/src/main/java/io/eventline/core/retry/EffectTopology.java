package io.eventline.core.retry;

import io.eventline.core.envelope.EventEnvelope;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * A side effect driven by an event topic: {@code topic} → select the events that ask for it → perform
 * it once per event id, retrying transient failures with backoff, dead-lettering the rest to
 * {@code dlqTopic}. Stores: {@code <name>-done} (outcome per event id) and {@code <name>-pending}.
 *
 * {@snippet :
 * EffectTopology.addTo(builder, new EffectTopology.Spec<>("notifications-mail", "notifications.events",
 *         Mail::of, Mail.class, mailer, RetryPolicy.DEFAULT, "notifications.dlq", Duration.ofMillis(200)));
 * }
 */
public final class EffectTopology {
    private EffectTopology() {
    }

    /** @param select the payload of an event that asks for the effect; empty for the others */
    public record Spec<T>(String name, String topic, Function<EventEnvelope, Optional<T>> select,
                          Class<T> payloadType, SideEffect<T> effect, RetryPolicy policy, String dlqTopic,
                          Duration tick) {
        public Spec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(select, "select");
            Objects.requireNonNull(payloadType, "payloadType");
            Objects.requireNonNull(effect, "effect");
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(dlqTopic, "dlqTopic");
            Objects.requireNonNull(tick, "tick");
        }

        String doneStore() {
            return name + "-done";
        }

        String pendingStore() {
            return name + "-pending";
        }
    }

    public static <T> void addTo(StreamsBuilder builder, Spec<T> spec) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(spec.doneStore()), Serdes.String(), Serdes.ByteArray()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(spec.pendingStore()), Serdes.String(), Serdes.ByteArray()));
        builder.stream(spec.topic(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(spec.name() + "-source"))
                .process(() -> new EffectProcessor<>(spec), Named.as(spec.name() + "-perform"),
                        spec.doneStore(), spec.pendingStore())
                .to(spec.dlqTopic(), Produced.with(Serdes.String(), Serdes.ByteArray())
                        .withName(spec.name() + "-dead-letters"));
    }
}
