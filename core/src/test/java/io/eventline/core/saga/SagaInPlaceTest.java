package io.eventline.core.saga;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.core.decider.AggregateQueries;
import io.eventline.core.decider.CommandEnvelope;
import io.eventline.core.decider.Rider;
import io.eventline.core.decider.SnapshotEntry;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.saga.Purchases.Item;
import io.eventline.core.saga.Purchases.Placed;
import io.eventline.core.saga.Purchases.Ship;
import io.eventline.core.saga.SagaState.Phase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A saga whose commands to an aggregate keyed as it is are decided in its task, never on the command topic. */
class SagaInPlaceTest {
    @TempDir
    Path stateDir;
    PurchaseWorld world;

    @BeforeEach
    void open() {
        world = new PurchaseWorld(stateDir, SagaTopologyTest.T0, true);
        world.fund("w1", 1000);
        world.stock("apple", 5);
        world.stock("pear", 5);
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void shouldDecideTheCommandsForItsOwnKeyInItsTaskAndHearTheirRepliesAsFromAnyOther() {
        world.publish("p1", SagaTopologyTest.PLACED);

        assertThat(world.courierCommands()).as("nothing crossed couriers.commands").isEmpty();
        List<EventEnvelope> dispatched = world.courierEvents();
        assertThat(dispatched).extracting(EventEnvelope::eventType).containsExactly("courier.dispatched");
        EventEnvelope event = dispatched.getFirst();
        assertThat(event.aggregateId()).isEqualTo("p1");
        assertThat(event.metadata().correlationId()).isEqualTo("corr-p1");
        // Its cause is no record of any topic: a reader of the log derives the saga's command ids.
        assertThat(LongStream.rangeClosed(1, 10).mapToObj(n -> SagaTopology.commandId("purchase-saga", "p1", n)))
                .contains(event.metadata().causationId());
        // The ship step's reply came back through purchase-saga.replies: the saga went on and ended.
        assertThat(world.saga("p1").phase()).isEqualTo(Phase.COMPLETED);
        assertThat(world.saga("p1").log()).extracting(StepRecord::step).containsExactly("charge", "reserve", "ship");
        // Commands to other aggregates still cross their topics.
        assertThat(world.purchaseCommands()).extracting(CommandEnvelope::commandType)
                .containsExactly("purchase.mark-paid", "purchase.complete");
    }

    @Test
    void shouldDecideInPlaceOnlyTheTargetsCommandsForTheSagasOwnKey() {
        SagaProcessor<Purchases.Purchase> processor = new SagaProcessor<>(Purchases.SAGA, Purchases.TRIGGERS,
                PurchaseWorld.TICK, Couriers.AGGREGATE);

        assertThat(processor.decidedInPlace(SagaCommand.of(Couriers.AGGREGATE, "p1", new Ship("p1")), "p1")).isTrue();
        assertThat(processor.decidedInPlace(SagaCommand.of(Couriers.AGGREGATE, "p2", new Ship("p2")), "p1"))
                .as("another courier: another task may hold it").isFalse();
        assertThat(processor.decidedInPlace(SagaCommand.of(Purchases.PURCHASES, "p1", new Purchases.Complete()), "p1"))
                .as("another aggregate").isFalse();
        SagaProcessor<Purchases.Purchase> both = new SagaProcessor<>(Purchases.SAGA, Purchases.TRIGGERS,
                PurchaseWorld.TICK, Couriers.AGGREGATE,
                Set.of(Couriers.AGGREGATE.commandTopic(), Purchases.PURCHASES.commandTopic()), null);
        assertThat(both.decidedInPlace(SagaCommand.of(Purchases.PURCHASES, "p1", new Purchases.Complete()), "p1"))
                .as("another aggregate keyed as the saga, decided here too").isTrue();
        assertThat(both.decidedInPlace(SagaCommand.of(Purchases.PURCHASES, "p2", new Purchases.Complete()), "p1"))
                .as("another purchase").isFalse();
        assertThat(new SagaProcessor<>(Purchases.SAGA, Purchases.TRIGGERS, PurchaseWorld.TICK, null)
                .decidedInPlace(SagaCommand.of(Couriers.AGGREGATE, "p1", new Ship("p1")), "p1"))
                .as("no aggregate decided in place").isFalse();
    }

    @Test
    void shouldNotChangeTheSagaOfAWorldWithoutIt() {
        List<Item> items = List.of(new Item("apple", 1));
        try (PurchaseWorld plain = new PurchaseWorld(stateDir.resolve("plain"), SagaTopologyTest.T0)) {
            plain.fund("w2", 100);
            plain.stock("apple", 5);
            plain.publish("p2", new Placed("p2", "w2", 50, items));
            assertThat(plain.courierCommands()).extracting(CommandEnvelope::commandType).containsExactly("courier.ship");
            assertThat(plain.saga("p2").phase()).isEqualTo(Phase.RUNNING);
        }
    }

    @Test
    void shouldKeepTheSagasStateBesideTheTargetsSnapshotSoThatAStepAndItsCommandAreOneRecord() {
        world.publish("p1", SagaTopologyTest.PLACED);

        assertThat(world.changelog(Purchases.SAGA.stateStore())).as("nothing in the saga's own store").isEmpty();
        List<SnapshotEntry> written = world.changelog(Couriers.AGGREGATE.snapshotStore()).stream()
                .filter(record -> record.key.equals("p1")).map(record -> SnapshotEntry.read(record.value)).toList();
        // Started, charged, one sku reserved, both (and the shipment decided in place, the saga's state handed
        // to the courier's decider: one record), shipped.
        assertThat(written).hasSize(5).allSatisfy(entry -> assertThat(entry.rider(Purchases.SAGA.name())).isNotNull());
        assertThat(written.get(3).snapshot()).as("the step and the command it decided, in one record").isNotNull();
        assertThat(written.get(2).snapshot()).as("no courier before the shipment").isNull();
        assertThat(new AggregateQueries<>(Couriers.AGGREGATE, world::store).current("p1"))
                .as("the courier reads as before").hasValueSatisfying(parcel -> assertThat(parcel.version()).isOne());
        assertThat(world.saga("p1").phase()).isEqualTo(Phase.COMPLETED);
    }

    @Test
    void shouldWriteTheStepItselfWhenTheCommandItHandedOverChangedNothing() {
        world.sendCourier("p1", new Ship("p1"), new RecordHeaders()); // dispatched already: the saga's Ship is a no-op
        world.courierEvents();

        world.publish("p1", SagaTopologyTest.PLACED);

        assertThat(world.courierEvents()).as("the courier had nothing to decide").isEmpty();
        List<SnapshotEntry> written = world.changelog(Couriers.AGGREGATE.snapshotStore()).stream()
                .filter(record -> record.key.equals("p1")).map(record -> SnapshotEntry.read(record.value)).toList();
        // The dispatch, then started, charged, one sku reserved, both (the saga's own put), shipped.
        assertThat(written).hasSize(6);
        assertThat(written.subList(1, 6)).allSatisfy(entry -> assertThat(entry.rider(Purchases.SAGA.name())).isNotNull());
        assertThat(world.saga("p1").phase()).isEqualTo(Phase.COMPLETED);
        assertThat(world.saga("p1").log()).extracting(StepRecord::step).containsExactly("charge", "reserve", "ship");
    }

    @Test
    void shouldNotLetACommandReadFromItsTopicWriteBesideTheSnapshot() {
        Headers forged = new Rider(Purchases.SAGA.name(), "{}".getBytes(StandardCharsets.UTF_8))
                .stamp(new RecordHeaders());

        world.sendCourier("p9", new Ship("p9"), forged);

        SnapshotEntry entry = SnapshotEntry.read(world.store(Couriers.AGGREGATE.snapshotStore()).get("p9"));
        assertThat(entry.snapshot()).as("the command was decided").isNotNull();
        assertThat(entry.rider(Purchases.SAGA.name())).isNull();
    }

    @Test
    void shouldGoOnWithASagaAnEarlierVersionKeptInItsOwnStoreAndMoveIt() {
        byte[] kept;
        CommandEnvelope ship;
        try (PurchaseWorld earlier = new PurchaseWorld(stateDir.resolve("earlier"), SagaTopologyTest.T0)) {
            earlier.fund("w1", 1000);
            earlier.stock("apple", 5);
            earlier.stock("pear", 5);
            earlier.publish("p3", SagaTopologyTest.PLACED);
            ship = earlier.courierCommands().getFirst(); // the saga now awaits the courier's reply
            kept = earlier.store(Purchases.SAGA.stateStore()).get("p3");
        }
        world.store(Purchases.SAGA.stateStore()).put("p3", kept);

        world.courierAccepts(ship);

        assertThat(world.saga("p3").phase()).isEqualTo(Phase.COMPLETED);
        assertThat(world.store(Purchases.SAGA.stateStore()).get("p3")).as("moved out of its own store").isNull();
        assertThat(SnapshotEntry.read(world.store(Couriers.AGGREGATE.snapshotStore()).get("p3"))
                .rider(Purchases.SAGA.name())).as("beside the courier's snapshot").isNotNull();
    }
}
