package io.eventline.core.reaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.core.decider.Aggregate;
import io.eventline.core.decider.Decider;
import io.eventline.core.dlq.Outcome;
import io.eventline.core.envelope.Catalogue;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.EventMetadata;
import io.eventline.core.envelope.Json;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/**
 * A reaction asks Kafka Streams to commit at once only when it sends a command (CommitWhenIdle): an
 * event it ignores leaves its offset to the commit interval, off the path of the work that caused it.
 */
class ReactionCommitsTest {
    sealed interface Signal permits Go, Noise {
    }

    record Go() implements Signal {
    }

    record Noise() implements Signal {
    }

    sealed interface BellCommand permits Ring {
    }

    record Ring() implements BellCommand {
    }

    record Rung() {
    }

    record Bell() {
    }

    private static final Aggregate<BellCommand, Bell, Rung> BELLS = new Aggregate<>("bells",
            new Decider<>() {
                @Override
                public Bell initialState() {
                    return new Bell();
                }

                @Override
                public List<Rung> decide(BellCommand command, Bell bell) {
                    return List.of(new Rung());
                }

                @Override
                public Bell evolve(Bell bell, Rung event) {
                    return bell;
                }
            },
            Catalogue.of(BellCommand.class).add("bell.ring", Ring.class).build(),
            Catalogue.of(Rung.class).add("bell.rung", Rung.class).build(),
            Bell.class);

    private static final Catalogue<Signal> SIGNALS =
            Catalogue.of(Signal.class).add("signal.go", Go.class).add("signal.noise", Noise.class).build();

    @Test
    void anEventThatSendsACommandIsCommittedAtOnce() throws Exception {
        assertThat(askedToCommit("signal.go")).isTrue();
    }

    @Test
    void anEventTheReactionIgnoresWaitsForTheCommitInterval() throws Exception {
        assertThat(askedToCommit("signal.noise")).isFalse();
    }

    // On a thread of its own: CommitWhenIdle keeps its state per stream thread, and a new one has been quiet.
    private static boolean askedToCommit(String eventType) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            MockProcessorContext<String, Outcome<byte[]>> context = new MockProcessorContext<>(settings());
            var processor = new ReactionProcessor<>("bells-on-signals", SIGNALS,
                    (Signal signal, Lookups lookups) -> signal instanceof Go
                            ? List.of(new Routed<BellCommand>("b-1", new Ring())) : List.<Routed<BellCommand>>of(),
                    BELLS, false);
            processor.init(context);
            context.setRecordMetadata("signals.events", 0, 0);
            context.setCurrentSystemTimeMs(0);
            processor.process(new Record<>("s-1", event(eventType), 0L));
            return context.committed();
        }, runnable -> new Thread(runnable).start()).get();
    }

    private static byte[] event(String type) {
        return EnvelopeCodec.toBytes(new EventEnvelope(UUID.randomUUID(), type, 1, Instant.now(), "s-1",
                Json.mapper().createObjectNode(), new EventMetadata("c", "c", "test")));
    }

    private static Properties settings() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "eventline-bells");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        return props;
    }
}
