package io.eventline.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventline.http.ApiException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SalesPeriodTest {
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00.000Z");
    static final Instant EARLIER = Instant.parse("2026-11-22T08:30:00.000Z");

    @Test
    void shouldAskForTheLastHourWhenNeitherBoundIsGiven() {
        assertThat(SalesPeriod.of(null, null, NOW)).isEqualTo(new SalesPeriod(NOW.minusSeconds(3600), NOW));
    }

    @Test
    void shouldAskForTheHourBeforeToWhenOnlyToIsGiven() {
        assertThat(SalesPeriod.of(null, EARLIER, NOW)).isEqualTo(new SalesPeriod(EARLIER.minusSeconds(3600), EARLIER));
    }

    @Test
    void shouldAskUpToNowWhenOnlyFromIsGiven() {
        assertThat(SalesPeriod.of(EARLIER, null, NOW)).isEqualTo(new SalesPeriod(EARLIER, NOW));
    }

    @Test
    void shouldRejectFromWhenItIsAfterTo() {
        assertThatThrownBy(() -> SalesPeriod.of(NOW, EARLIER, NOW))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errors()).extracting(error -> error.field()).containsExactly("from");
                });
    }
}
