package io.eventline.app.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {
    @Test
    void shouldTakeTheNearestRankWhenGivenLatencies() {
        Percentiles percentiles = Percentiles.of(LongStream.rangeClosed(1, 100).map(ms -> ms * 1000).toArray());
        assertThat(percentiles).isEqualTo(new Percentiles(100, 50, 95, 99, 100, 100));
    }

    @Test
    void shouldBeZeroWhenNoOrderEnded() {
        assertThat(Percentiles.of(new long[0])).isEqualTo(Percentiles.NONE);
        assertThat(new Latencies().all()).isEqualTo(Percentiles.NONE);
    }

    @Test
    void shouldCountOnlyTheOrdersThatEndedSinceWhenAskedForRecentOnes() {
        Latencies latencies = new Latencies();
        latencies.record(System.nanoTime());
        long since = System.nanoTime();
        latencies.record(System.nanoTime());
        latencies.record(System.nanoTime());
        assertThat(latencies.since(since).count()).isEqualTo(2);
        assertThat(latencies.all().count()).isEqualTo(3);
    }
}
