package io.eventline.core.saga;

import static io.eventline.core.saga.SagaHarness.describe;
import static io.eventline.core.saga.StepRecord.Outcome.ABORTED;
import static io.eventline.core.saga.StepRecord.Outcome.DONE;
import static io.eventline.core.saga.StepRecord.Outcome.TIMED_OUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.eventline.core.saga.Purchases.Purchase;
import io.eventline.core.saga.SagaState.Phase;
import io.eventline.core.saga.SagaTransition.Sent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SagaTimeoutTest {
    static final Purchase PURCHASE = SagaTest.PURCHASE;

    final SagaHarness<Purchase> saga = new SagaHarness<>(Purchases.SAGA, SagaTest.T0);

    /** Charged and reserved; the ship command is pending. */
    Sent shipPending() {
        saga.accept(saga.start("p1", PURCHASE).getFirst(), "wallet.charged");
        saga.acceptStep();
        return saga.awaited().getFirst();
    }

    @Test
    void shouldDoNothingWhenTheClockTicksBeforeTheDeadline() {
        shipPending();

        assertThat(saga.tickAfter(Purchases.SHIP_TIMEOUT.minusMillis(1))).isEmpty();
        assertThat(saga.changed()).isFalse();
    }

    @Test
    void shouldCompensateTheTimedOutStepThenTheCompletedOnesWhenTheDeadlinePasses() {
        shipPending();

        List<Sent> sent = saga.tickAfter(Purchases.SHIP_TIMEOUT);

        // The cancel lands after the ship command on the courier's partition: a late shipment is undone.
        assertThat(describe(sent)).containsExactly("courier.cancel p1");
        assertThat(describe(saga.acceptAll())).containsExactly(
                "shelf.release apple", "shelf.release pear", "wallet.refund w1", "purchase.fail p1 (notify)");
        assertThat(saga.state().failureReason()).isEqualTo(Saga.TIMED_OUT);
        assertThat(saga.state().log()).extracting(StepRecord::step, StepRecord::outcome).containsExactly(
                tuple("charge", DONE), tuple("reserve", DONE), tuple("ship", TIMED_OUT),
                tuple("ship.cancel", DONE), tuple("reserve.release", DONE), tuple("charge.refund", DONE));
    }

    @Test
    void shouldChangeNothingWhenTheTimedOutCommandsReplyComesLate() {
        Sent ship = shipPending();
        saga.tickAfter(Purchases.SHIP_TIMEOUT);
        SagaState<Purchase> compensating = saga.state();

        assertThat(saga.accept(ship)).isEmpty();
        assertThat(saga.changed()).isFalse();
        assertThat(saga.state()).isEqualTo(compensating);
    }

    @Test
    void shouldCompensateThePendingStepAndTheCompletedOnesWithTheReasonGivenWhenAborted() {
        List<Sent> reserves = saga.accept(saga.start("p1", PURCHASE).getFirst(), "wallet.charged").subList(1, 3);
        saga.accept(reserves.getFirst());

        List<Sent> sent = saga.abort("CANCELLED_BY_CUSTOMER");

        assertThat(describe(sent)).containsExactly("shelf.release apple", "shelf.release pear");
        assertThat(describe(saga.acceptAll())).containsExactly("wallet.refund w1", "purchase.fail p1 (notify)");
        assertThat(saga.state().failureReason()).isEqualTo("CANCELLED_BY_CUSTOMER");
        assertThat(saga.state().log()).extracting(StepRecord::step, StepRecord::outcome).containsExactly(
                tuple("charge", DONE), tuple("reserve", ABORTED),
                tuple("reserve.release", DONE), tuple("charge.refund", DONE));
    }

    @Test
    void shouldIgnoreAnAbortWhenCompensatingOrEnded() {
        shipPending();
        saga.abort("CANCELLED_BY_CUSTOMER");
        SagaState<Purchase> compensating = saga.state();

        assertThat(saga.abort("AGAIN")).isEmpty();
        assertThat(saga.state()).isEqualTo(compensating);

        saga.acceptAll();
        assertThat(saga.state().phase()).isEqualTo(Phase.FAILED);
        assertThat(saga.abort("AGAIN")).isEmpty();
        assertThat(saga.changed()).isFalse();
        assertThat(saga.state().failureReason()).isEqualTo("CANCELLED_BY_CUSTOMER");
    }

    @Test
    void shouldSendOnlyTheUnansweredCompensationCommandsAgainUnderNewIdsWhenTheCompensationTimesOut() {
        Sent ship = shipPending();
        List<Sent> releases = saga.reject(ship, "courier.unavailable");
        saga.accept(releases.getFirst()); // apple released; pear's reply never comes

        List<Sent> retried = saga.tickAfter(SagaStep.DEFAULT_TIMEOUT);

        assertThat(describe(retried)).containsExactly("shelf.release pear");
        assertThat(retried.getFirst().commandId()).isNotEqualTo(releases.get(1).commandId());
        assertThat(retried.getFirst().command()).isEqualTo(releases.get(1).command());
        assertThat(saga.state().deadline())
                .isEqualTo(saga.now().plus(SagaStep.DEFAULT_TIMEOUT).toEpochMilli());
        assertThat(saga.accept(releases.get(1))).as("the first try's late reply").isEmpty();
        assertThat(describe(saga.accept(retried.getFirst()))).containsExactly("wallet.refund w1");
        assertThat(saga.state().log()).extracting(StepRecord::step, StepRecord::outcome).endsWith(
                tuple("reserve.release", TIMED_OUT), tuple("reserve.release", DONE));
    }

    @Test
    void shouldKeepRetryingACompensationWhenItTimesOutAgain() {
        Sent ship = shipPending();
        saga.reject(ship, "courier.unavailable");

        saga.tickAfter(Duration.ofSeconds(30));
        saga.tickAfter(Duration.ofSeconds(30));
        List<Sent> third = saga.tickAfter(Duration.ofSeconds(30));

        assertThat(describe(third)).containsExactly("shelf.release apple", "shelf.release pear");
        assertThat(saga.state().phase()).isEqualTo(Phase.COMPENSATING);
        assertThat(saga.sent().stream().filter(s -> s.command().commandType().equals("shelf.release"))
                .map(Sent::commandId).distinct()).hasSize(8);
    }
}
