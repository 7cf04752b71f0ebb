package io.eventline.core.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.Test;

/**
 * A consumer of a broker that is not there: each poll returns nothing once its time is up, so how long
 * a poll took says how long the consumer waited. Lower bounds are exact; upper bounds are generous (a
 * loaded machine), and far below the rest they tell apart.
 */
class RestingConsumerTest {
    private static final Duration STREAMS_POLL = Duration.ofMillis(100);
    private static final Duration REST = Duration.ofMillis(1_500);
    private static final Duration SLICE = Duration.ofMillis(100);
    private static final long SHORT_MS = 900;

    @Test
    void aThreadAtRestWaitsTheWholeRestInAPoll() {
        try (RestingConsumer consumer = consumer(() -> true, Duration.ZERO)) {
            assertThat(pollMillis(consumer)).isGreaterThanOrEqualTo(REST.toMillis());
        }
    }

    @Test
    void anApplicationNotRunningOrPausedKeepsToKafkaStreamsPoll() {
        try (RestingConsumer consumer = consumer(() -> false, Duration.ZERO)) {
            assertThat(pollMillis(consumer)).isLessThan(SHORT_MS);
        }
    }

    @Test
    void aThreadThatPolledRecentlyKeepsToKafkaStreamsPollUntilItHasBeenQuietLongEnough() {
        try (RestingConsumer consumer = consumer(() -> true, Duration.ofSeconds(30))) {
            assertThat(pollMillis(consumer)).isLessThan(SHORT_MS);
        }
    }

    @Test
    void aPunctuatorTickingOnTheThreadKeepsItToKafkaStreamsPollAndRestsOnceItStops() {
        TicksWhileBusy ticks = new TicksWhileBusy(new MockProcessorContext<>(), Duration.ofMillis(50), now -> { });
        try (RestingConsumer consumer = consumer(() -> true, Duration.ZERO)) {
            ticks.start();
            assertThat(pollMillis(consumer)).isLessThan(SHORT_MS);
            ticks.stop();
            assertThat(pollMillis(consumer)).isGreaterThanOrEqualTo(REST.toMillis());
        } finally {
            ticks.stop();
        }
    }

    @Test
    void aCloseOrPauseIsHeardWithinASliceOfTheRest() throws Exception {
        AtomicBoolean atRest = new AtomicBoolean(true);
        try (RestingConsumer consumer = consumer(atRest::get, Duration.ZERO)) {
            CompletableFuture<Long> took = CompletableFuture.supplyAsync(() -> pollMillis(consumer));
            TimeUnit.MILLISECONDS.sleep(300); // the poll under way, resting: then the application closes
            atRest.set(false);
            assertThat(took.get(10, TimeUnit.SECONDS)).isLessThan(REST.toMillis());
        }
    }

    @Test
    void aPollOfNoTimeReturnsAtOnceAtRestToo() {
        try (RestingConsumer consumer = consumer(() -> true, Duration.ZERO)) {
            long started = System.nanoTime();
            consumer.poll(Duration.ZERO);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(SHORT_MS);
        }
    }

    private static long pollMillis(RestingConsumer consumer) {
        long started = System.nanoTime();
        assertThat(consumer.poll(STREAMS_POLL).isEmpty()).isTrue();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    private static RestingConsumer consumer(BooleanSupplier atRest, Duration quiet) {
        RestingConsumer consumer = new RestingConsumer(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                ConsumerConfig.RECONNECT_BACKOFF_MS_CONFIG, 50, ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 50),
                atRest, quiet, REST, SLICE, System::nanoTime);
        consumer.assign(List.of(new TopicPartition("nowhere", 0)));
        return consumer;
    }
}
