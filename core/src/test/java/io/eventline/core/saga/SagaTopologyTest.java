package io.eventline.core.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.eventline.core.decider.CommandEnvelope;
import io.eventline.core.saga.Purchases.Cancelled;
import io.eventline.core.saga.Purchases.Item;
import io.eventline.core.saga.Purchases.Placed;
import io.eventline.core.saga.SagaState.Phase;
import io.eventline.core.saga.Shelves.Shelf;
import io.eventline.core.saga.StepRecord.Outcome;
import io.eventline.core.saga.Wallets.Wallet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SagaTopologyTest {
    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    static final Placed PLACED = new Placed("p1", "w1", 500, List.of(new Item("apple", 2), new Item("pear", 1)));

    @TempDir
    Path stateDir;
    PurchaseWorld world;

    @BeforeEach
    void open() {
        world = new PurchaseWorld(stateDir, T0);
        world.fund("w1", 1000);
        world.stock("apple", 5);
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void shouldRunEveryStepThroughTheDecidersRepliesAndCompleteWhenTheyAllSucceed() {
        world.stock("pear", 5);
        world.publish("p1", PLACED);

        // Charge and both reservations were decided and answered inside the topology; the ship waits.
        CommandEnvelope ship = world.courierCommands().getFirst();
        assertThat(ship.commandType()).isEqualTo("courier.ship");
        assertThat(ship.aggregateId()).isEqualTo("p1");
        assertThat(ship.replyTo()).isEqualTo(new CommandEnvelope.ReplyTo("purchase-saga.replies", "p1"));
        assertThat(ship.metadata().correlationId()).isEqualTo("corr-p1");
        assertThat(ship.metadata().source()).isEqualTo("purchase-saga");
        world.courierAccepts(ship);

        List<CommandEnvelope> notified = world.purchaseCommands();
        assertThat(notified).extracting(CommandEnvelope::commandType)
                .containsExactly("purchase.mark-paid", "purchase.complete");
        assertThat(notified).extracting(CommandEnvelope::replyTo).containsOnlyNulls();
        assertThat(notified).as("notifications: no reply to write").allMatch(CommandEnvelope::unanswered);
        assertThat(ship.unanswered()).as("an awaited command: answered").isFalse();
        assertThat(notified.getLast().metadata().causationId()).isEqualTo(ship.commandId());
        assertThat(world.wallets().current("w1").orElseThrow().state()).isEqualTo(new Wallet(500, 500));
        assertThat(world.shelves().current("pear").orElseThrow().state()).isEqualTo(new Shelf(4, 1));
        assertThat(world.saga("p1").phase()).isEqualTo(Phase.COMPLETED);
        assertThat(world.saga("p1").log()).extracting(StepRecord::step).containsExactly("charge", "reserve", "ship");
    }

    @Test
    void shouldReleaseWhatWasReservedAndRefundWhenAnItemIsShort() {
        world.publish("p1", PLACED); // no pear on the shelf

        assertThat(world.courierCommands()).isEmpty();
        assertThat(world.purchaseCommands()).extracting(CommandEnvelope::commandType)
                .containsExactly("purchase.mark-paid", "purchase.fail");
        assertThat(world.wallets().current("w1").orElseThrow().state()).isEqualTo(new Wallet(1000, 0));
        assertThat(world.shelves().current("apple").orElseThrow().state()).isEqualTo(new Shelf(5, 0));
        SagaState<Purchases.Purchase> saga = world.saga("p1");
        assertThat(saga.failureReason()).isEqualTo("OUT_OF_STOCK");
        assertThat(saga.log()).extracting(StepRecord::step, StepRecord::outcome).containsExactly(
                tuple("charge", Outcome.DONE), tuple("reserve", Outcome.FAILED),
                tuple("reserve.release", Outcome.DONE), tuple("charge.refund", Outcome.DONE));
    }

    @Test
    void shouldCompensateEveryStepWhenTheShipmentTimesOutOnTheWallClock() {
        world.stock("pear", 5);
        world.publish("p1", PLACED);
        CommandEnvelope ship = world.courierCommands().getFirst();

        world.advance(Purchases.SHIP_TIMEOUT.minusSeconds(1));
        assertThat(world.courierCommands()).isEmpty();
        world.advance(Duration.ofSeconds(1));

        CommandEnvelope cancel = world.courierCommands().getFirst();
        assertThat(cancel.commandType()).isEqualTo("courier.cancel");
        assertThat(cancel.metadata().causationId()).isEqualTo(SagaProcessor.TIMEOUT_CAUSE);
        world.courierAccepts(cancel);
        assertThat(world.purchaseCommands()).extracting(CommandEnvelope::commandType)
                .containsExactly("purchase.mark-paid", "purchase.fail");
        assertThat(world.wallets().current("w1").orElseThrow().state()).isEqualTo(new Wallet(1000, 0));
        assertThat(world.shelves().current("pear").orElseThrow().state()).isEqualTo(new Shelf(5, 0));
        assertThat(world.saga("p1").failureReason()).isEqualTo(Saga.TIMED_OUT);

        world.courierAccepts(ship); // the shipment's reply, late
        assertThat(world.courierCommands()).isEmpty();
        assertThat(world.purchaseCommands()).isEmpty();
    }

    @Test
    void shouldTickOnlyTheSagasAwaitingRepliesOnceTheFirstTickHasReadTheStore() {
        world.stock("pear", 5);
        world.publish("p1", PLACED);
        world.courierAccepts(world.courierCommands().getFirst());
        world.advance(Duration.ofSeconds(1)); // the first tick reads every saga kept: p1 has ended
        // A saga the ticks must not read again: ended sagas cost nothing, however many are kept.
        world.restoreSaga(List.of(KeyValue.pair("p0", "{not a saga".getBytes(StandardCharsets.UTF_8))));
        world.publish("p2", new Placed("p2", "w1", 100, List.of(new Item("apple", 1))));

        world.advance(Purchases.SHIP_TIMEOUT);

        assertThat(world.courierCommands()).extracting(CommandEnvelope::commandType)
                .containsExactly("courier.ship", "courier.cancel");
        assertThat(world.saga("p2").failureReason()).isEqualTo(Saga.TIMED_OUT);
    }

    @Test
    void shouldCompensateWithTheGivenReasonWhenThePurchaseIsCancelledWhileShipping() {
        world.stock("pear", 5);
        world.publish("p1", PLACED);
        world.courierCommands();

        world.publish("p1", new Cancelled("p1", "CANCELLED_BY_CUSTOMER"));

        CommandEnvelope cancel = world.courierCommands().getFirst();
        assertThat(cancel.commandType()).isEqualTo("courier.cancel");
        world.courierAccepts(cancel);
        List<CommandEnvelope> notified = world.purchaseCommands();
        assertThat(notified).extracting(CommandEnvelope::commandType)
                .containsExactly("purchase.mark-paid", "purchase.fail");
        assertThat(notified.getLast().data().get("reason").textValue()).isEqualTo("CANCELLED_BY_CUSTOMER");
        assertThat(world.saga("p1").log()).extracting(StepRecord::step).containsExactly(
                "charge", "reserve", "ship", "ship.cancel", "reserve.release", "charge.refund");
    }
}
