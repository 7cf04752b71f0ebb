package io.eventline.core.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.EventMetadata;
import io.eventline.core.envelope.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A read model dead-letters what it cannot fold, into the topic of the model (all versions share it). */
class ProjectionDeadLetterTest {
    private static final Instant T1 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path stateDir;

    @ParameterizedTest
    @EnumSource(value = Tallies.Bad.class, names = {"GARBAGE", "FUTURE_VERSION", "DATA_THAT_DOES_NOT_FIT"})
    void shouldDeadLetterAnEventOfTheViewAndFoldTheNextWhenItCannotBeRead(Tallies.Bad bad) {
        try (TallyWorld view = TallyWorld.view(stateDir)) {
            var events = view.input(Tallies.AGGREGATE.eventTopic());
            byte[] value = tallyEvent(bad);
            events.pipeInput(new TestRecord<>("t1", value, T1));
            events.pipeInput(new TestRecord<>("t1", added(2), T1));

            assertThat(view.queue()).isEqualTo("tallies-view.dlq");
            var letter = view.deadLetters().getFirst();
            assertThat(letter.value()).isEqualTo(value);
            assertThat(DeadLetterTopologyTest.header(letter, DeadLetterHeaders.REASON)).isEqualTo(bad.reason.code());
            assertThat(view.stored("tallies-view-v1", "t1")).as("the next event was folded").isPresent();
        }
    }

    @Test
    void shouldPassOverAnEventWhenTheViewDoesNotKnowItsType() {
        try (TallyWorld view = TallyWorld.view(stateDir)) {
            view.input(Tallies.AGGREGATE.eventTopic()).pipeInput("t1", Tallies.Bad.UNKNOWN_TYPE.event("t1"), T1);

            assertThat(view.deadLetters()).isEmpty();
        }
    }

    private static byte[] tallyEvent(Tallies.Bad bad) {
        return switch (bad) {
            case GARBAGE -> "garbage".getBytes(StandardCharsets.UTF_8);
            case UNKNOWN_TYPE -> Tallies.Bad.UNKNOWN_TYPE.event("t1");
            case FUTURE_VERSION -> envelope("tally.added", 99, "{\"by\":1}");
            case DATA_THAT_DOES_NOT_FIT -> envelope("tally.added", 1, "{\"by\":\"lots\"}");
        };
    }

    private static byte[] added(int by) {
        return envelope("tally.added", 1, "{\"by\":" + by + "}");
    }

    private static byte[] envelope(String type, int version, String data) {
        try {
            return EnvelopeCodec.toBytes(new EventEnvelope(UUID.randomUUID(), type, version, T1, "t1",
                    Json.readTree(data.getBytes(StandardCharsets.UTF_8)), new EventMetadata("c", "c", "tallies")));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
