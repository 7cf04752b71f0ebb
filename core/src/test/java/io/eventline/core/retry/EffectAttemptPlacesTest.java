package io.eventline.core.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.core.kafka.Sources;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A task's attempts under way are bounded, and a place an attempt frees is given to the next effect
 * as soon as a record finds it free, not only at the next tick. Attempts here run when the test says
 * (an executor that queues them), so "under way" is what the test makes it.
 */
class EffectAttemptPlacesTest {
    private final List<Runnable> underWay = new ArrayList<>();
    private final Executor executor = underWay::add;
    private final List<String> delivered = new ArrayList<>();
    private final TopologyTestDriver driver = driver();
    private final TestInputTopic<String, byte[]> events = EffectWorld.input(driver, "mails.events");

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void shouldStartNoMoreAttemptsAtOnceThanItsLimitWhenABacklogArrives() {
        pipe(0, EffectProcessor.IN_FLIGHT_PER_TASK + 4);

        assertThat(underWay).hasSize(EffectProcessor.IN_FLIGHT_PER_TASK);
    }

    @Test
    void shouldGiveTheFreedPlacesToTheEffectsWaitingWhenTheNextRecordArrivesWithoutATick() {
        pipe(0, EffectProcessor.IN_FLIGHT_PER_TASK + 4);
        finishUnderWay(); // the first 16 are done; no tick has settled them

        pipe(EffectProcessor.IN_FLIGHT_PER_TASK + 4, 1);

        assertThat(underWay).as("the 4 waiting, oldest first, then the new one").hasSize(5);
        finishUnderWay();
        assertThat(delivered).hasSize(EffectProcessor.IN_FLIGHT_PER_TASK + 5);
        assertThat(delivered.subList(EffectProcessor.IN_FLIGHT_PER_TASK, delivered.size()))
                .containsExactly("m16", "m17", "m18", "m19", "m20");
    }

    @Test
    void shouldRecordTheOutcomesOfTheFreedPlacesSoThatNoEffectRunsTwice() {
        pipe(0, EffectProcessor.IN_FLIGHT_PER_TASK + 1);
        finishUnderWay();
        pipe(EffectProcessor.IN_FLIGHT_PER_TASK + 1, 1);
        finishUnderWay();
        driver.advanceWallClockTime(EffectWorld.TICK);
        driver.advanceWallClockTime(EffectWorld.TICK);

        assertThat(delivered).hasSize(EffectProcessor.IN_FLIGHT_PER_TASK + 2).doesNotHaveDuplicates();
    }

    private void pipe(int from, int count) {
        for (int i = from; i < from + count; i++) {
            events.pipeInput("k" + i, EffectWorld.mail("m" + i));
        }
    }

    private void finishUnderWay() {
        List<Runnable> attempts = List.copyOf(underWay);
        underWay.clear();
        attempts.forEach(Runnable::run);
    }

    private TopologyTestDriver driver() {
        StreamsBuilder builder = new StreamsBuilder();
        EffectTopology.addTo(new Sources(builder), EffectWorld.spec((key, mail) -> delivered.add(mail.to())),
                () -> executor);
        return EffectWorld.driver(builder);
    }
}
