package io.eventline.core.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.core.kafka.Sources;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

/** The effect as it runs in production: attempts on virtual threads, never on the stream thread. */
class EffectOffTheStreamThreadTest {
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch bobDelivered = new CountDownLatch(1);
    private final CountDownLatch adaUnderWay = new CountDownLatch(1);
    private final Set<String> underWay = ConcurrentHashMap.newKeySet();
    private final List<Set<String>> underWayWhenBobWasDelivered = new CopyOnWriteArrayList<>();

    @Test
    void shouldPerformOtherKeysWhileOneTargetIsStillSilent() throws InterruptedException {
        StreamsBuilder builder = new StreamsBuilder();
        EffectTopology.addTo(new Sources(builder), EffectWorld.spec(this::perform));
        try (TopologyTestDriver driver = EffectWorld.driver(builder)) {
            TestInputTopic<String, byte[]> events = EffectWorld.input(driver, "mails.events");
            events.pipeInput("a", EffectWorld.mail("ada")); // her server does not answer
            events.pipeInput("b", EffectWorld.mail("bob"));

            assertThat(bobDelivered.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(underWayWhenBobWasDelivered).singleElement().isEqualTo(Set.of("ada", "bob"));
            release.countDown();
        }
    }

    private void perform(String idempotencyKey, EffectWorld.Mail mail) {
        underWay.add(mail.to());
        try {
            if (mail.to().equals("ada")) {
                adaUnderWay.countDown();
                // Bounded: were the attempt made on the stream thread, bob's would wait for this.
                release.await(5, TimeUnit.SECONDS);
            } else {
                // Both attempts start off the stream thread in either order: bob's looks once ada's began.
                adaUnderWay.await(5, TimeUnit.SECONDS);
                underWayWhenBobWasDelivered.add(Set.copyOf(underWay));
                bobDelivered.countDown();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientEffectException("interrupted");
        } finally {
            underWay.remove(mail.to());
        }
    }
}
