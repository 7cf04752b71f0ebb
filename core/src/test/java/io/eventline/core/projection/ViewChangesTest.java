package io.eventline.core.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ViewChangesTest {
    private final ViewChanges changes = new ViewChanges();

    @Test
    void shouldWakeTheReaderOfAKeyWhenThatKeyIsWritten() throws InterruptedException {
        CompletableFuture<Void> next = changes.next("o-1");

        changes.changed("o-2");
        assertThat(next).isNotDone();
        changes.changed("o-1");

        assertThat(next).isDone();
        assertThat(changes.await(next, Duration.ofMinutes(1))).isTrue();
        assertThat(changes.waiting()).isZero();
    }

    @Test
    void shouldWakeEveryReaderOfAKeyAndKeepTheOthersWhenOneGivesUp() {
        CompletableFuture<Void> first = changes.next("o-1");
        CompletableFuture<Void> second = changes.next("o-1");
        CompletableFuture<Void> third = changes.next("o-1");
        assertThat(changes.waiting()).isEqualTo(1);

        changes.forget("o-1", first);
        changes.changed("o-1");

        assertThat(first).isNotDone();
        assertThat(second).isDone();
        assertThat(third).isDone();
        assertThat(changes.waiting()).isZero();
    }

    @Test
    void shouldForgetASignalWhoseReaderGaveUpSoThatUnwrittenKeysDoNotPileUp() throws InterruptedException {
        CompletableFuture<Void> next = changes.next("unknown");

        assertThat(changes.await(next, Duration.ofMillis(1))).isFalse();
        changes.forget("unknown", next);

        assertThat(changes.waiting()).isZero();
        assertThat(changes.next("unknown")).isNotSameAs(next);
    }
}
