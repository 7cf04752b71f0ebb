package io.eventline.core.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ViewChangesTest {
    private final ViewChanges changes = new ViewChanges();

    @Test
    void shouldHandTheReaderOfAKeyWhatWasWrittenToThatKey() throws InterruptedException {
        ViewChanges.Watch watch = changes.watch("o-1");

        changes.changed("o-2", bytes("other"));
        assertThat(watch.next(Duration.ofMillis(1))).isEmpty();
        changes.changed("o-1", bytes("v1"));

        assertThat(watch.next(Duration.ofMinutes(1))).hasValueSatisfying(value -> assertThat(text(value)).isEqualTo("v1"));
        assertThat(watch.next(Duration.ofMillis(1))).as("each write is taken once").isEmpty();
    }

    @Test
    void shouldHandTheNewestOfTheWritesMadeSinceTheReaderLastLooked() throws InterruptedException {
        ViewChanges.Watch watch = changes.watch("o-1");

        changes.changed("o-1", bytes("v1"));
        changes.changed("o-1", bytes("v2"));
        changes.changed("o-1", bytes("v3"));

        assertThat(watch.next(Duration.ofMinutes(1))).hasValueSatisfying(value -> assertThat(text(value)).isEqualTo("v3"));
        assertThat(watch.next(Duration.ofMillis(1))).isEmpty();
        changes.changed("o-1", bytes("v4"));
        assertThat(watch.next(Duration.ofMinutes(1))).hasValueSatisfying(value -> assertThat(text(value)).isEqualTo("v4"));
    }

    @Test
    void shouldHandEveryReaderOfAKeyItsWritesAndKeepTheOthersWhenOneGivesUp() throws InterruptedException {
        ViewChanges.Watch first = changes.watch("o-1");
        ViewChanges.Watch second = changes.watch("o-1");
        ViewChanges.Watch third = changes.watch("o-1");
        assertThat(changes.watching()).isEqualTo(1);

        changes.forget(first);
        changes.changed("o-1", bytes("v1"));

        assertThat(first.next(Duration.ofMillis(1))).isEmpty();
        assertThat(second.next(Duration.ofMinutes(1))).isPresent();
        assertThat(third.next(Duration.ofMinutes(1))).isPresent();
        assertThat(changes.watching()).isEqualTo(1);
        changes.forget(second);
        changes.forget(third);
        assertThat(changes.watching()).isZero();
    }

    @Test
    void shouldForgetAWatchWhoseReaderGaveUpSoThatUnwrittenKeysDoNotPileUp() throws InterruptedException {
        ViewChanges.Watch watch = changes.watch("unknown");

        assertThat(watch.next(Duration.ofMillis(1))).isEmpty();
        changes.forget(watch);

        assertThat(changes.watching()).isZero();
        changes.changed("unknown", bytes("late"));
        assertThat(watch.next(Duration.ofMillis(1))).as("a forgotten watch is handed nothing").isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
