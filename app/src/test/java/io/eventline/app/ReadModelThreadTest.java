package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventline.app.broker.EmbeddedBroker;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.EventMetadata;
import io.eventline.core.envelope.Json;
import io.eventline.core.failure.NotReady;
import io.eventline.core.projection.Projected;
import io.eventline.core.projection.Projection;
import io.eventline.core.projection.ProjectionRunner;
import io.eventline.core.projection.ProjectionVersions;
import io.eventline.core.projection.Projector;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read model whose stream thread dies gets a new one, which takes the task from its last commit:
 * the event the dead thread was folding is folded, and the read model keeps answering. Kafka Streams'
 * default shuts the whole client down for good (a broker soak saw a failed commit do it).
 */
@Tag("integration")
class ReadModelThreadTest {
    private static final String TOPIC = "tallies.events";

    @TempDir
    Path dataDir;

    /** Counts the events per key; the first one it meets kills its thread, as a failed commit would. */
    record Tally(int events) {
    }

    private final AtomicBoolean killedOnce = new AtomicBoolean();

    private final Projector<Tally> counting = new Projector<>() {
        @Override
        public Tally initial() {
            return new Tally(0);
        }

        @Override
        public Optional<String> keyOf(EventEnvelope event) {
            return Optional.of(event.aggregateId());
        }

        @Override
        public Tally apply(Tally view, EventEnvelope event) {
            if (killedOnce.compareAndSet(false, true)) {
                // An Error escapes Kafka Streams' processing exception handler: it ends the stream thread.
                throw new AssertionError("the stream thread dies here, once");
            }
            return new Tally(view.events() + 1);
        }
    };

    @Test
    @Timeout(150)
    void shouldFoldTheEventAgainOnANewThreadWhenItsThreadDies() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir.resolve("broker"), "127.0.0.1", 0)) {
            Map<String, Object> clients = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            try (Admin admin = Admin.create(clients)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1), new NewTopic("tally-view.dlq", 1, (short) 1),
                        new NewTopic(ProjectionVersions.TOPIC, 1, (short) 1)
                                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                        .all().get();
            }
            // The dead thread stays a member of the group until its session times out (45 s by
            // default): the new one gets the task after that, here after the broker's least, 6 s.
            ProjectionRunner<Tally> runner = new ProjectionRunner<>(
                    new Projection<>("tally-view", List.of(TOPIC), Tally.class, counting, false),
                    Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                            ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6_000),
                    Map.of(), dataDir.resolve("streams"));
            runner.start();
            try {
                send(broker.bootstrapServers(), "t-1");

                // The store answers again once the new thread runs: until then a read may be refused.
                // Kafka Streams rethrows the error on the dead thread to end it: not this test's failure.
                await("the event folded by a new thread").atMost(Duration.ofSeconds(90))
                        .dontCatchUncaughtExceptions().ignoreException(NotReady.class)
                        .until(() -> runner.get("t-1").map(Projected::view), folded -> folded.isPresent());
                assertThat(killedOnce).as("the projector killed its thread").isTrue();
                assertThat(runner.get("t-1").map(Projected::view)).hasValue(new Tally(1));
                assertThat(runner.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
            } finally {
                runner.streams().close(Duration.ofSeconds(30));
            }
        }
    }

    private static void send(String bootstrapServers, String key) throws Exception {
        EventEnvelope event = new EventEnvelope(UUID.randomUUID(), "tally.counted", 1, Instant.now(), key,
                Json.mapper().createObjectNode(), new EventMetadata("c", "c", "test"));
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key, EnvelopeCodec.toBytes(event))).get();
        }
    }
}
