package io.eventline.core.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.core.envelope.EnvelopeCodec;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reaction decided in the task that read its event: no command topic between them, no reply. */
class InPlaceReactionTest {
    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");
    @TempDir
    Path stateDir;
    private TallyWorld world;

    @BeforeEach
    void start() {
        world = TallyWorld.inPlace(stateDir);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void shouldDecideTheReactionsCommandInPlaceWithoutACommandRecordOrAReply() {
        world.input(Tallies.BELL_TOPIC).pipeInput(new TestRecord<>("t1", Tallies.rang("t1"), T1));
        world.input(Tallies.BELL_TOPIC).pipeInput(new TestRecord<>("t1", Tallies.rang("t1"), T1));

        var events = world.output(Tallies.AGGREGATE.eventTopic()).readRecordsToList();
        assertThat(events).extracting(TestRecord::key).containsExactly("t1", "t1");
        assertThat(events).extracting(event -> EnvelopeCodec.fromBytes(event.value()).eventType())
                .containsExactly("tally.added", "tally.added");
        assertThat(world.output(Tallies.AGGREGATE.commandTopic()).isEmpty()).isTrue();
        assertThat(world.replies()).isEmpty();
        assertThat(world.deadLetters()).isEmpty();
    }

    @Test
    void shouldStillDecideTheCommandsOnTheCommandTopicAndAnswerThem() {
        world.input(Tallies.AGGREGATE.commandTopic()).pipeInput(new TestRecord<>("t1", Tallies.add("c1", "t1", 2), T1));
        world.input(Tallies.BELL_TOPIC).pipeInput(new TestRecord<>("t1", Tallies.rang("t1"), T1));

        assertThat(world.output(Tallies.AGGREGATE.eventTopic()).readRecordsToList()).hasSize(2);
        assertThat(world.replies()).singleElement().satisfies(reply -> assertThat(reply.version()).isEqualTo(1));
    }

    @Test
    void shouldDeadLetterAnEventWhoseReactionRoutesToAnotherKey() {
        byte[] ringForT2 = Tallies.rang("t2");
        world.input(Tallies.BELL_TOPIC).pipeInput(new TestRecord<>("t1", ringForT2, T1));

        assertThat(world.output(Tallies.AGGREGATE.eventTopic()).isEmpty()).isTrue();
        assertThat(world.deadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.value()).isEqualTo(ringForT2);
            assertThat(DeadLetterTopologyTest.header(letter, DeadLetterHeaders.REASON))
                    .isEqualTo(DeadLetterReason.PROCESSING_FAILED.code());
            assertThat(DeadLetterTopologyTest.header(letter, DeadLetterHeaders.ERROR)).contains("another aggregate");
        });
    }
}
