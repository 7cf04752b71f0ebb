package io.eventline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamsRateTest {
    @Test
    void shouldCallARateSteadyOnlyWithinATenthOfTheWindowBefore() {
        assertThat(StreamsRate.steady(-1, 20_000)).as("no window before").isFalse();
        assertThat(StreamsRate.steady(18_427, 23_785)).as("still climbing, as the hop did").isFalse();
        assertThat(StreamsRate.steady(22_569, 24_637)).isTrue();
        assertThat(StreamsRate.steady(24_637, 22_000)).as("falling by more than a tenth").isFalse();
    }
}
