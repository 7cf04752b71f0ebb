package io.eventline.core.saga;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.core.decider.CommandEnvelope;
import io.eventline.core.saga.Purchases.Purchase;
import io.eventline.core.saga.SagaState.Phase;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart in the middle of a saga. TopologyTestDriver deletes its state directory on close, so the
 * store does not survive it on disk; the new driver's store is filled from the first one's changelog,
 * which is how Kafka Streams restores a store on another instance or after losing the disk.
 */
class SagaRestartTest {
    @TempDir
    Path stateDir;
    CommandEnvelope ship;
    SagaState<Purchase> before;
    List<KeyValue<String, byte[]>> changelog;

    /** Charged and reserved, the ship command sent and not answered: then the instance stops. */
    @BeforeEach
    void runHalfASaga() {
        try (PurchaseWorld first = new PurchaseWorld(stateDir, SagaTopologyTest.T0)) {
            first.fund("w1", 1000);
            first.stock("apple", 5);
            first.stock("pear", 5);
            first.publish("p1", SagaTopologyTest.PLACED);
            ship = first.courierCommands().getFirst();
            before = first.saga("p1");
            changelog = first.sagaChangelog();
        }
    }

    @Test
    void shouldResumeFromTheRestoredStateAndSendTheNextCommandsOnceWhenRestarted() {
        try (PurchaseWorld second = new PurchaseWorld(stateDir, SagaTopologyTest.T0.plusSeconds(1))) {
            second.restoreSaga(changelog);
            assertThat(second.saga("p1")).isEqualTo(before);

            second.courierAccepts(ship);

            assertThat(second.courierCommands()).isEmpty();
            assertThat(second.purchaseCommands()).extracting(CommandEnvelope::commandType)
                    .containsExactly("purchase.complete");
            assertThat(second.saga("p1").phase()).isEqualTo(Phase.COMPLETED);
            second.courierAccepts(ship); // delivered again, as after a crash before the consumer's commit
            assertThat(second.purchaseCommands()).isEmpty();
        }
    }

    @Test
    void shouldSendTheSameCommandIdsWhenAnInputIsReplayedAgainstTheSameRestoredState() {
        List<String> first = completeAfterRestore();
        List<String> replayed = completeAfterRestore();

        assertThat(replayed).isEqualTo(first).hasSize(1);
    }

    private List<String> completeAfterRestore() {
        try (PurchaseWorld world = new PurchaseWorld(stateDir, SagaTopologyTest.T0.plusSeconds(1))) {
            world.restoreSaga(changelog);
            world.courierAccepts(ship);
            return world.purchaseCommands().stream().map(CommandEnvelope::commandId).toList();
        }
    }
}
