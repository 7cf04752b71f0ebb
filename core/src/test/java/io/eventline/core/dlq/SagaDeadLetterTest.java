package io.eventline.core.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.core.decider.DeciderTopology;
import io.eventline.core.kafka.Sources;
import io.eventline.core.kafka.StreamsSettings;
import io.eventline.core.saga.SagaCommand;
import io.eventline.core.saga.SagaDefinition;
import io.eventline.core.saga.SagaStep;
import io.eventline.core.saga.SagaTopology;
import io.eventline.core.saga.SagaTriggers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** An orchestrator dead-letters the trigger events and the replies it cannot read, and goes on. */
class SagaDeadLetterTest {
    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    /** A ring starts a saga of one step: add one to the rung tally. */
    private static final SagaDefinition<Tallies.Rang> SAGA = new SagaDefinition<>("ringing", Tallies.Rang.class,
            List.of(SagaStep.of("count", rang -> List.of(SagaCommand.of(Tallies.AGGREGATE, rang.tallyId(),
                    new Tallies.Add(1))))), rang -> List.of(), (rang, reason) -> List.of());
    private static final SagaTriggers<Tallies.Rang> TRIGGERS = SagaTriggers.<Tallies.Rang>none()
            .startOn(Tallies.BELL_TOPIC, Tallies.BELLS, event -> switch (event) {
                case Tallies.Rang rang -> Optional.of(rang);
            });

    @TempDir
    Path stateDir;

    @ParameterizedTest
    @EnumSource(Tallies.Bad.class)
    void shouldDeadLetterATriggerAndStartTheNextSagaWhenATriggerCannotBeRead(Tallies.Bad bad) {
        try (TopologyTestDriver driver = driver()) {
            var bells = driver.createInputTopic(Tallies.BELL_TOPIC, new StringSerializer(), new ByteArraySerializer());
            bells.pipeInput(new TestRecord<>("t1", bad.event("t1"), T1));
            bells.pipeInput(new TestRecord<>("t2", Tallies.rang("t2"), T1));

            var letter = deadLetters(driver).getFirst();
            assertThat(DeadLetterTopologyTest.header(letter, DeadLetterHeaders.REASON)).isEqualTo(bad.reason.code());
            assertThat(driver.getKeyValueStore(SAGA.stateStore()).get("t2")).as("the next saga started").isNotNull();
        }
    }

    @Test
    void shouldDeadLetterAReplyWhenItCannotBeRead() {
        try (TopologyTestDriver driver = driver()) {
            var replies = driver.createInputTopic(SAGA.replyTopic(), new StringSerializer(), new ByteArraySerializer());
            replies.pipeInput(new TestRecord<>("t1", "{\"commandId\":".getBytes(StandardCharsets.UTF_8), T1));

            var letter = deadLetters(driver).getFirst();
            assertThat(DeadLetterTopologyTest.header(letter, DeadLetterHeaders.REASON)).isEqualTo("unreadable");
            assertThat(DeadLetterTopologyTest.header(letter, DeadLetterHeaders.TOPIC)).isEqualTo(SAGA.replyTopic());
        }
    }

    private TopologyTestDriver driver() {
        StreamsBuilder builder = new StreamsBuilder();
        Sources sources = new Sources(builder);
        DeciderTopology.addTo(sources, Tallies.AGGREGATE);
        SagaTopology.addTo(sources, SAGA, TRIGGERS);
        var props = StreamsSettings.exactlyOnce("eventline-ringing", Map.of("bootstrap.servers", "unused:9092"),
                stateDir);
        return new TopologyTestDriver(builder.build(props), props, T1);
    }

    private static List<TestRecord<String, byte[]>> deadLetters(TopologyTestDriver driver) {
        return driver.createOutputTopic("ringing.dlq", new StringDeserializer(), new ByteArrayDeserializer())
                .readRecordsToList();
    }
}
