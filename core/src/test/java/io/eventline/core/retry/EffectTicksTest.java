package io.eventline.core.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.core.retry.EffectWorld.Mail;
import org.junit.jupiter.api.Test;

/**
 * The effect's punctuator runs only while an effect is under way or waiting for its next attempt:
 * Kafka Streams commits a task after each punctuation, so a tick on an idle task would commit a
 * transaction every commit interval for ever.
 */
class EffectTicksTest {
    private final EffectTask task = new EffectTask();

    @Test
    void shouldTickOnlyWhileAnEffectIsUnderWay() {
        EffectProcessor<Mail> processor = task.started();
        assertThat(task.ticking()).as("nothing to do at the start").isFalse();

        task.mail(processor, "alice");
        assertThat(task.ticking()).as("an attempt under way").isTrue();

        task.tick(); // settles the attempt, which ran on the thread
        assertThat(task.mailer.delivered).containsExactly("alice");
        assertThat(task.ticking()).as("all done").isFalse();
    }

    @Test
    void shouldTickWhileAnEffectWaitsForItsNextAttemptAndAfterARestart() {
        task.mailer.transientFailuresLeft.put("bob", 1);
        EffectProcessor<Mail> processor = task.started();
        task.mail(processor, "bob");
        task.tick(); // the first attempt failed: the next one waits out its backoff
        assertThat(task.ticking()).as("waiting for the next attempt").isTrue();

        processor.close();
        EffectProcessor<Mail> restarted = task.started();
        assertThat(task.ticking()).as("restarted with an effect parked").isTrue();
        task.now += EffectWorld.POLICY.backoffAfter(1).toMillis();
        task.tick(); // starts the second attempt
        task.tick(); // settles it
        assertThat(task.mailer.delivered).containsExactly("bob");
        assertThat(task.ticking()).isFalse();
        restarted.close();
    }
}
