package io.eventline.app.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OutboxTest {
    private static Outbox.Frame frame(int bytes) {
        return new Outbox.Frame("message", "x".repeat(bytes - 7), null);
    }

    @Test
    void shouldRefuseAFrameWhenTheClientIsAlreadyTooFarBehind() throws Exception {
        Outbox outbox = new Outbox(1_000);
        assertThat(outbox.offer(frame(400))).isTrue();
        assertThat(outbox.offer(frame(400))).isTrue();
        assertThat(outbox.offer(frame(400))).as("over 1,000 bytes waiting").isFalse();
        assertThat(outbox.bytes()).isEqualTo(800);
        assertThat(outbox.poll(0, TimeUnit.SECONDS)).isPresent();
        assertThat(outbox.offer(frame(400))).as("room again once the client read one").isTrue();
    }

    @Test
    void shouldTakeOneFrameLargerThanTheBoundWhenNothingElseWaits() {
        Outbox outbox = new Outbox(1_000);
        assertThat(outbox.offer(frame(5_000))).isTrue();
        assertThat(outbox.offer(frame(10))).isFalse();
    }

    @Test
    void shouldGiveFramesInOrderAndNothingOnceClosed() throws Exception {
        Outbox outbox = new Outbox(1_000);
        outbox.offer(new Outbox.Frame("message", "a", "1"));
        outbox.offer(new Outbox.Frame("stats", "b", null));
        assertThat(outbox.poll(0, TimeUnit.SECONDS)).hasValueSatisfying(f -> assertThat(f.data()).isEqualTo("a"));
        outbox.close();
        assertThat(outbox.bytes()).isZero();
        assertThat(outbox.poll(0, TimeUnit.SECONDS)).isEmpty();
        assertThat(outbox.offer(frame(10))).isFalse();
        assertThat(outbox.isClosed()).isTrue();
    }
}
