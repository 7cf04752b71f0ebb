package io.eventline.core.retry;

import static io.eventline.core.retry.EffectWorld.header;
import static io.eventline.core.retry.EffectWorld.mail;
import static io.eventline.core.retry.EffectWorld.replayOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.core.dlq.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A dead-lettered effect replayed from the dead-letter queue: performed once after a fix, never twice. */
class EffectReplayTest {
    final EffectWorld world = new EffectWorld();
    final EffectWorld.FlakyMailer mailer = world.mailer;

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void shouldPerformADeadLetteredEffectOnceWhenItIsReplayedAfterAFix() {
        mailer.permanentlyBroken.add("nobody");
        world.events.pipeInput("n", mail("nobody"));
        world.tick();
        TestRecord<String, byte[]> dead = world.deadLetters.readRecord();

        mailer.permanentlyBroken.clear();
        world.replays.pipeInput(replayOf(dead));
        world.tick();
        world.replays.pipeInput(replayOf(dead)); // a second replay of a done effect is not performed
        world.events.pipeInput("n", dead.value()); // nor is the event redelivered
        world.tick();
        assertThat(mailer.delivered).containsExactly("nobody");
        assertThat(mailer.attempts).isEqualTo(2);
        assertThat(world.deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldNotRepeatAnEffectThatWasDoneWhenItsEventIsReplayed() {
        byte[] event = mail("ada");
        world.events.pipeInput("a", event);
        world.tick();
        var headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.REPLAY_FOR, EffectWorld.QUEUE.getBytes(StandardCharsets.UTF_8));
        world.events.pipeInput(new TestRecord<>("a", event, headers, Instant.now()));
        world.tick();
        assertThat(mailer.attempts).isEqualTo(1);
    }

    @Test
    void shouldCountOneMoreDeadLetteringWhenAReplayedEffectFailsAgain() {
        mailer.permanentlyBroken.add("nobody");
        world.events.pipeInput("n", mail("nobody"));
        world.tick();
        world.replays.pipeInput(replayOf(world.deadLetters.readRecord()));
        world.tick();

        TestRecord<String, byte[]> again = world.deadLetters.readRecord();
        assertThat(header(again, DeadLetterHeaders.ATTEMPTS)).isEqualTo("2");
        assertThat(header(again, DeadLetterHeaders.TOPIC)).as("where it was read this time").isEqualTo("mails.replays");
        assertThat(again.headers().lastHeader(DeadLetterHeaders.REPLAY_FOR)).isNull();
    }

    @Test
    void shouldPassOverAReplayWhenItIsForAnotherApplication() {
        var headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.REPLAY_FOR, "orders-view.dlq".getBytes(StandardCharsets.UTF_8));
        world.events.pipeInput(new TestRecord<>("a", mail("ada"), headers, Instant.now()));
        world.tick();
        assertThat(mailer.attempts).isZero();
    }
}
