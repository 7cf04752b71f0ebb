package io.eventline.core.retry;

import static io.eventline.core.retry.EffectWorld.header;
import static io.eventline.core.retry.EffectWorld.mail;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.core.dlq.DeadLetterHeaders;
import io.eventline.core.tracing.TraceParent;
import io.opentelemetry.api.trace.Span;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An effect performed once per event id, retried with backoff, dead-lettered when it cannot be. */
class EffectTopologyTest {
    final EffectWorld world = new EffectWorld();
    final EffectWorld.FlakyMailer mailer = world.mailer;

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void shouldPerformOnceWhenTheEventIsDeliveredTwice() {
        byte[] event = mail("ada");
        world.events.pipeInput("k", event);
        world.tick();
        world.events.pipeInput("k", event);
        world.tick();
        assertThat(mailer.delivered).containsExactly("ada");
        assertThat(mailer.attempts).isEqualTo(1);
    }

    @Test
    void shouldRunEachAttemptInTheTraceOfTheEventThatAskedForIt() {
        String caller = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        world.events.pipeInput(new TestRecord<>("k", mail("ada"), new RecordHeaders()
                .add(TraceParent.HEADER, caller.getBytes(StandardCharsets.UTF_8)), Instant.now()));
        world.tick();

        assertThat(mailer.traces).singleElement().satisfies(trace -> {
            assertThat(trace.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(trace.getSpanId()).as("a hop of its own").isNotEqualTo("00f067aa0ba902b7");
        });
        assertThat(Span.current().getSpanContext().isValid()).as("nothing left current after").isFalse();
    }

    @Test
    void shouldRetryATransientFailureWithBackoffWithoutHoldingUpOtherKeys() {
        mailer.transientFailuresLeft.put("ada", 2);
        world.events.pipeInput("a", mail("ada"));
        world.events.pipeInput("b", mail("bob"));
        world.tick();
        assertThat(mailer.delivered).containsExactly("bob"); // bob's mail did not wait for ada's

        world.driver.advanceWallClockTime(Duration.ofMillis(1_100)); // backoff after attempt 1: 1 s
        world.tick();
        assertThat(mailer.attempts).isEqualTo(3);
        assertThat(mailer.delivered).containsExactly("bob");
        world.driver.advanceWallClockTime(Duration.ofMillis(1_500)); // after attempt 2: 2 s, not yet
        assertThat(mailer.attempts).isEqualTo(3);
        world.driver.advanceWallClockTime(Duration.ofMillis(600));
        world.tick();
        assertThat(mailer.delivered).containsExactly("bob", "ada");
        world.driver.advanceWallClockTime(Duration.ofSeconds(30));
        assertThat(mailer.attempts).isEqualTo(4);
        assertThat(world.deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterWhenRetriesAreExhausted() {
        mailer.transientFailuresLeft.put("ada", 99);
        byte[] event = mail("ada");
        RecordHeaders traced = new RecordHeaders();
        traced.add("trace", "t-1".getBytes(StandardCharsets.UTF_8));
        world.events.pipeInput(new TestRecord<>("a", event, traced, Instant.parse("2026-01-01T00:00:00Z")));
        world.tick();
        world.driver.advanceWallClockTime(Duration.ofSeconds(1)); // attempt 2
        world.tick();
        world.driver.advanceWallClockTime(Duration.ofSeconds(2)); // attempt 3, the last
        world.tick();

        TestRecord<String, byte[]> dead = world.deadLetters.readRecord();
        assertThat(dead.key()).isEqualTo("a");
        assertThat(dead.value()).isEqualTo(event);
        assertThat(header(dead, DeadLetterHeaders.REASON)).isEqualTo("effect-retries-exhausted");
        assertThat(header(dead, DeadLetterHeaders.ERROR)).isEqualTo("mail server down (3 attempts)");
        assertThat(header(dead, DeadLetterHeaders.ATTEMPTS)).as("dead-lettered once").isEqualTo("1");
        assertThat(header(dead, DeadLetterHeaders.TOPIC)).isEqualTo("mails.events");
        assertThat(header(dead, DeadLetterHeaders.OFFSET)).isEqualTo("0");
        assertThat(header(dead, DeadLetterHeaders.REPLAY_TO)).isEqualTo("mails.replays");
        assertThat(header(dead, "trace")).as("the original headers are kept").isEqualTo("t-1");
        world.driver.advanceWallClockTime(Duration.ofSeconds(30));
        assertThat(mailer.attempts).isEqualTo(3);
        world.events.pipeInput("a", event); // redelivered: given up once, not tried again
        world.tick();
        assertThat(mailer.attempts).isEqualTo(3);
    }

    @Test
    void shouldDeadLetterAPermanentFailureAtOnceAndGoOn() {
        mailer.permanentlyBroken.add("nobody");
        world.events.pipeInput("n", mail("nobody"));
        world.events.pipeInput("a", mail("ada"));
        world.tick();
        TestRecord<String, byte[]> dead = world.deadLetters.readRecord();
        assertThat(header(dead, DeadLetterHeaders.REASON)).isEqualTo("effect-failed");
        assertThat(header(dead, DeadLetterHeaders.ERROR)).isEqualTo("no such mailbox nobody (1 attempt)");
        assertThat(mailer.delivered).containsExactly("ada");
    }

    @Test
    void shouldDeadLetterAnEventItCannotReadAndGoOn() {
        byte[] garbage = "{\"eventId\":".getBytes(StandardCharsets.UTF_8);
        world.events.pipeInput("g", garbage);
        world.events.pipeInput("u", EffectWorld.event("mail.unheard-of", "ada"));
        world.events.pipeInput("a", mail("ada"));
        world.tick();

        List<TestRecord<String, byte[]>> dead = world.deadLetters.readRecordsToList();
        assertThat(dead).extracting(letter -> header(letter, DeadLetterHeaders.REASON))
                .containsExactly("unreadable", "unknown-type");
        assertThat(dead.getFirst().value()).isEqualTo(garbage);
        assertThat(dead.getFirst().headers().lastHeader(DeadLetterHeaders.REPLAY_TO))
                .as("a bad event goes back where it was read, like any other reader's").isNull();
        assertThat(mailer.delivered).containsExactly("ada");
    }
}
