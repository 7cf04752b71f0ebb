package io.eventline.core.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A reader of some of a topic's event types: the events it selects pass on, the others are passed
 * over, and a record it cannot read lands in its dead-letter topic with its reason while the next is read.
 */
class SelectedEventsTest {
    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path stateDir;

    private TallyWorld world;
    private TestInputTopic<String, byte[]> bells;

    @BeforeEach
    void start() {
        world = TallyWorld.ringsRead(stateDir);
        bells = world.input(Tallies.BELL_TOPIC);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void shouldPassOnWhatTheReaderSelectsAndPassOverTheRestWhenEventsAreRead() {
        bells.pipeInput("t1", Tallies.rang("t1"), T1);
        bells.pipeInput("quiet", Tallies.rang("quiet"), T1);
        bells.pipeInput("t2", Tallies.rang("t2"), T1);

        assertThat(rings()).containsExactly("t1", "t2");
        assertThat(world.deadLetters()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Tallies.Bad.class)
    void shouldDeadLetterARecordAndReadTheNextWhenItCannotBeRead(Tallies.Bad bad) {
        byte[] value = bad.event("t1");
        bells.pipeInput(new TestRecord<>("t1", value, T1));
        bells.pipeInput("t2", Tallies.rang("t2"), T1);

        List<TestRecord<String, byte[]>> letters = world.deadLetters();
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.key()).isEqualTo("t1");
            assertThat(letter.value()).isEqualTo(value);
            assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo(bad.reason.code());
            assertThat(header(letter, DeadLetterHeaders.TOPIC)).isEqualTo(Tallies.BELL_TOPIC);
        });
        assertThat(rings()).containsExactly("t2");
    }

    @Test
    void shouldDeadLetterToItsServicesTopicAndReadOnlyItsOwnReplaysWhenItIsOnePartOfSeveral(@TempDir Path other) {
        world.close();
        world = TallyWorld.ringsRead(other, "rings");
        bells = world.input(Tallies.BELL_TOPIC);
        byte[] bad = Tallies.Bad.values()[0].event("t1");

        bells.pipeInput(new TestRecord<>("t1", bad, T1));
        bells.pipeInput(replay("t2", "bells.dlq"));
        bells.pipeInput(replay("t3", "rings.dlq"));
        bells.pipeInput(replay("t4", world.queue()));

        assertThat(world.output("rings.dlq").readKeyValuesToList()).as("the service's topic, not the application's")
                .singleElement().satisfies(letter -> assertThat(letter.key).isEqualTo("t1"));
        assertThat(world.deadLetters()).as(world.queue()).isEmpty();
        assertThat(rings()).as("another service's replay passed over; its own and the application's read")
                .containsExactly("t3", "t4");
    }

    private static TestRecord<String, byte[]> replay(String tallyId, String forQueue) {
        TestRecord<String, byte[]> record = new TestRecord<>(tallyId, Tallies.rang(tallyId), T1);
        record.headers().add(DeadLetterHeaders.REPLAY_FOR, forQueue.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private List<String> rings() {
        return world.output(TallyWorld.RINGS_TOPIC).readValuesToList().stream()
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList();
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
