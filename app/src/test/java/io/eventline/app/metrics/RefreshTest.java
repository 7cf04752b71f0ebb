package io.eventline.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RefreshTest {
    @Test
    void shouldCountAFailedReadWhenTheClusterDoesNotAnswer() {
        Refresh refresh = new Refresh("consumer lag", Duration.ZERO, () -> {
            throw new java.util.concurrent.TimeoutException("no answer");
        }, Runnable::run);
        refresh.ifStale().join();
        refresh.ifStale().join();
        assertThat(refresh.failures()).isEqualTo(2);
    }

    @Test
    void shouldCountNothingWhenTheReadSucceeds() {
        Refresh refresh = new Refresh("dead letters", Duration.ZERO, () -> { }, Runnable::run);
        refresh.ifStale().join();
        assertThat(refresh.failures()).isZero();
    }
}
