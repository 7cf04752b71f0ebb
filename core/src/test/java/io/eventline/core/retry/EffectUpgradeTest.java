package io.eventline.core.retry;

import static io.eventline.core.retry.EffectWorld.eventId;
import static io.eventline.core.retry.EffectWorld.mail;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.core.dlq.DeadLetterHeaders;
import io.eventline.core.envelope.Json;
import io.eventline.core.retry.EffectWorld.Mail;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.Test;

/**
 * A task started on the stores of the version that kept pending effects in {@code <name>-pending}
 * and outcomes, unmarked, in {@code <name>-done}: nothing parked is lost, nothing done is done again.
 */
class EffectUpgradeTest {
    private final EffectTask task = new EffectTask();

    @Test
    void shouldMoveAndPerformAnEffectWhenTheVersionBeforeParkedIt() {
        byte[] event = mail("carol");
        String id = eventId(event);
        task.legacyPending.put(id, parkedBefore(event, "carol", 1_000)); // its first attempt had failed

        EffectProcessor<Mail> upgraded = task.started();
        assertThat(task.done.get(id)).as("moved into the done store").isNotNull()
                .matches(EffectValues::isPending);
        assertThat(isEmpty(task)).as("and out of the legacy one").isTrue();
        assertThat(task.ticking()).as("resumed").isTrue();

        task.process(upgraded, "carol", event, new RecordHeaders()); // redelivered: under way already
        task.tick();
        assertThat(task.mailer.attempts).as("not due before its backoff ends").isZero();
        task.now = 1_000;
        task.tick(); // starts it
        task.tick(); // settles it
        assertThat(task.mailer.delivered).containsExactly("carol");
        assertThat(EffectValues.readOutcome(task.done.get(id))).isEqualTo(EffectOutcome.done(2));
        assertThat(task.ticking()).isFalse();
    }

    @Test
    void shouldNotPerformAnEffectAgainWhenTheVersionBeforeRecordedItDone() {
        byte[] event = mail("dan");
        task.done.put(eventId(event), outcomeBefore("{\"kind\":\"DONE\",\"attempts\":1,\"error\":null}"));

        EffectProcessor<Mail> upgraded = task.started();
        assertThat(task.ticking()).as("an outcome is nothing pending").isFalse();
        task.process(upgraded, "dan", event, new RecordHeaders());
        task.tick();
        assertThat(task.mailer.attempts).isZero();
    }

    @Test
    void shouldPerformAReplayWhenTheVersionBeforeRecordedItDeadLettered() {
        byte[] event = mail("erin");
        task.done.put(eventId(event),
                outcomeBefore("{\"kind\":\"DEAD_LETTERED\",\"attempts\":3,\"error\":\"mail server down\"}"));

        EffectProcessor<Mail> upgraded = task.started();
        task.process(upgraded, "erin", event, new RecordHeaders()); // redelivered: given up, not tried again
        assertThat(task.mailer.attempts).isZero();
        task.process(upgraded, "erin", event, replay());
        task.tick();
        assertThat(task.mailer.delivered).containsExactly("erin");
    }

    /** A pending effect as the version before wrote it to {@code <name>-pending}: its JSON, unmarked. */
    private static byte[] parkedBefore(byte[] event, String to, long dueAt) {
        var source = new PendingEffect.Source(to, event, 0, List.of(), "mails.events", 0, 0);
        return Json.write(new PendingEffect(Json.mapper().valueToTree(new Mail(to)), 1, dueAt, "mail server down",
                source));
    }

    private static byte[] outcomeBefore(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static Headers replay() {
        return new RecordHeaders().add(DeadLetterHeaders.REPLAY_FOR,
                EffectWorld.QUEUE.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isEmpty(EffectTask task) {
        try (KeyValueIterator<String, byte[]> all = task.legacyPending.all()) {
            return !all.hasNext();
        }
    }
}
