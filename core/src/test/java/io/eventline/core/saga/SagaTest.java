package io.eventline.core.saga;

import static io.eventline.core.saga.SagaHarness.describe;
import static io.eventline.core.saga.StepRecord.Outcome.DONE;
import static io.eventline.core.saga.StepRecord.Outcome.FAILED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.eventline.core.saga.Purchases.Item;
import io.eventline.core.saga.Purchases.Purchase;
import io.eventline.core.saga.SagaState.Phase;
import io.eventline.core.saga.SagaTransition.Sent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SagaTest {
    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    static final Purchase PURCHASE = new Purchase("p1", "w1", 500, List.of(new Item("apple", 2), new Item("pear", 1)));

    final SagaHarness<Purchase> saga = new SagaHarness<>(Purchases.SAGA, T0);

    @Test
    void shouldSendTheFirstActionAndSetItsDeadlineWhenStarted() {
        List<Sent> sent = saga.start("p1", PURCHASE);

        assertThat(describe(sent)).containsExactly("wallet.charge w1");
        assertThat(saga.state().phase()).isEqualTo(Phase.RUNNING);
        assertThat(saga.state().deadline()).isEqualTo(T0.plus(SagaStep.DEFAULT_TIMEOUT).toEpochMilli());
        assertThat(saga.state().correlationId()).isEqualTo("p1");
    }

    @Test
    void shouldRunEveryStepInOrderAndCompleteWhenEveryReplySucceeds() {
        Sent charge = saga.start("p1", PURCHASE).getFirst();

        List<Sent> afterCharge = saga.accept(charge, "wallet.charged");
        assertThat(describe(afterCharge))
                .containsExactly("purchase.mark-paid p1 (notify)", "shelf.reserve apple", "shelf.reserve pear");
        assertThat(saga.accept(afterCharge.get(2))).isEmpty(); // pear first: replies come in any order
        List<Sent> ship = saga.accept(afterCharge.get(1));
        assertThat(describe(ship)).containsExactly("courier.ship p1");
        assertThat(describe(saga.accept(ship.getFirst()))).containsExactly("purchase.complete p1 (notify)");

        assertThat(saga.state().phase()).isEqualTo(Phase.COMPLETED);
        assertThat(saga.state().completed()).containsExactly("charge", "reserve", "ship");
        assertThat(saga.state().pending()).isEmpty();
        assertThat(saga.state().log()).extracting(StepRecord::step, StepRecord::outcome)
                .containsExactly(tuple("charge", DONE), tuple("reserve", DONE), tuple("ship", DONE));
    }

    @Test
    void shouldFailWithoutCompensatingWhenTheFirstStepFails() {
        Sent charge = saga.start("p1", PURCHASE).getFirst();

        List<Sent> sent = saga.accept(charge, "wallet.charge-declined");

        assertThat(describe(sent)).containsExactly("purchase.fail p1 (notify)");
        assertThat(sent.getFirst().command().data().get("reason").textValue()).isEqualTo("CHARGE_DECLINED");
        assertThat(saga.state().phase()).isEqualTo(Phase.FAILED);
        assertThat(saga.state().failureReason()).isEqualTo("CHARGE_DECLINED");
        assertThat(saga.state().log()).extracting(StepRecord::step, StepRecord::outcome)
                .containsExactly(tuple("charge", FAILED));
    }

    @Test
    void shouldCompensateTheCompletedStepsInReverseOrderOneAtATimeWhenALaterStepFails() {
        Sent charge = saga.start("p1", PURCHASE).getFirst();
        saga.accept(charge, "wallet.charged");
        saga.acceptStep();
        Sent ship = saga.awaited().getFirst();

        List<Sent> release = saga.reject(ship, "courier.unavailable");
        assertThat(describe(release)).containsExactly("shelf.release apple", "shelf.release pear");
        assertThat(saga.state().phase()).isEqualTo(Phase.COMPENSATING);
        assertThat(saga.accept(release.getFirst())).isEmpty(); // the refund waits for both releases
        List<Sent> refund = saga.accept(release.get(1));
        assertThat(describe(refund)).containsExactly("wallet.refund w1");
        assertThat(describe(saga.accept(refund.getFirst()))).containsExactly("purchase.fail p1 (notify)");

        assertThat(saga.state().phase()).isEqualTo(Phase.FAILED);
        assertThat(saga.state().failureReason()).isEqualTo("SHIP_FAILED");
        assertThat(saga.state().log()).extracting(StepRecord::step, StepRecord::outcome).containsExactly(
                tuple("charge", DONE), tuple("reserve", DONE), tuple("ship", FAILED),
                tuple("reserve.release", DONE), tuple("charge.refund", DONE));
    }

    @Test
    void shouldCompensateAStepOfSeveralCommandsItselfWhenOneOfThemFails() {
        Sent charge = saga.start("p1", PURCHASE).getFirst();
        List<Sent> reserves = saga.accept(charge, "wallet.charged").subList(1, 3);
        saga.accept(reserves.getFirst()); // apple reserved

        List<Sent> sent = saga.reject(reserves.get(1), "shelf.short"); // pear short

        // Apple's reservation must be undone; pear's release is a no-op for the shelf.
        assertThat(describe(sent)).containsExactly("shelf.release apple", "shelf.release pear");
        assertThat(describe(saga.acceptAll())).containsExactly("wallet.refund w1", "purchase.fail p1 (notify)");
        assertThat(saga.state().failureReason()).isEqualTo("OUT_OF_STOCK");
        assertThat(saga.state().log()).extracting(StepRecord::step).containsExactly(
                "charge", "reserve", "reserve.release", "charge.refund");
    }

    @Test
    void shouldCompensateAStepOfSeveralCommandsWhenTheFirstReplyFailsAndTheOthersArePending() {
        Sent charge = saga.start("p1", PURCHASE).getFirst();
        List<Sent> reserves = saga.accept(charge, "wallet.charged").subList(1, 3);

        List<Sent> sent = saga.reject(reserves.getFirst(), "shelf.short");

        assertThat(describe(sent)).containsExactly("shelf.release apple", "shelf.release pear");
        assertThat(saga.accept(reserves.get(1))).as("the pending reserve's late reply").isEmpty();
        assertThat(saga.changed()).isFalse();
    }

    @Test
    void shouldDoAStepWithNoCommandsAtOnceWhenItsActionIsEmptyForTheData() {
        Sent charge = saga.start("p1", new Purchase("p1", "w1", 500, List.of())).getFirst();

        List<Sent> sent = saga.accept(charge, "wallet.charged");

        assertThat(describe(sent)).containsExactly("purchase.mark-paid p1 (notify)", "courier.ship p1");
        assertThat(saga.state().completed()).containsExactly("charge", "reserve");
    }

    @Test
    void shouldLogARejectedCompensationAsFailedAndGoOnWhenItIsRefused() {
        Sent charge = saga.start("p1", new Purchase("p1", "w1", 500, List.of())).getFirst();
        saga.accept(charge, "wallet.charged");
        Sent ship = saga.awaited().getFirst();
        Sent refund = saga.reject(ship, "courier.unavailable").getFirst();

        List<Sent> sent = saga.reject(refund, "wallet.closed");

        assertThat(describe(sent)).containsExactly("purchase.fail p1 (notify)");
        assertThat(saga.state().log()).extracting(StepRecord::step, StepRecord::outcome).containsExactly(
                tuple("charge", DONE), tuple("reserve", DONE), tuple("ship", FAILED),
                tuple("reserve.release", DONE), tuple("charge.refund", FAILED));
    }

    @Test
    void shouldIgnoreADuplicateStartAndADuplicateReplyWhenTheyComeAgain() {
        Sent charge = saga.start("p1", PURCHASE).getFirst();
        saga.accept(charge, "wallet.charged");
        SagaState<Purchase> before = saga.state();

        assertThat(saga.start("p1", PURCHASE)).isEmpty();
        assertThat(saga.changed()).isFalse();
        assertThat(saga.accept(charge, "wallet.charged")).isEmpty();
        assertThat(saga.changed()).isFalse();
        assertThat(saga.state()).isEqualTo(before);
    }
}
