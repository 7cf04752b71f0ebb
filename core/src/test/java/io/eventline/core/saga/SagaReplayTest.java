package io.eventline.core.saga;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.core.saga.Purchases.Purchase;
import io.eventline.core.saga.SagaTransition.Sent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SagaReplayTest {
    final Saga<Purchase> saga = new Saga<>(Purchases.SAGA);
    final SagaStateCodec<Purchase> codec = new SagaStateCodec<>(Purchases.SAGA);

    @Test
    void shouldSendTheSameCommandIdsWhenTheSameInputsArriveAgain() {
        SagaHarness<Purchase> first = new SagaHarness<>(Purchases.SAGA, SagaTest.T0);
        SagaHarness<Purchase> second = new SagaHarness<>(Purchases.SAGA, SagaTest.T0);
        for (SagaHarness<Purchase> run : List.of(first, second)) {
            run.accept(run.start("p1", SagaTest.PURCHASE).getFirst(), "wallet.charged");
            run.acceptStep();
            run.tickAfter(Duration.ofMinutes(1));
            run.acceptAll();
        }

        assertThat(first.sent()).isEqualTo(second.sent());
        assertThat(first.sent()).extracting(Sent::commandId).doesNotHaveDuplicates();
    }

    @Test
    void shouldGiveOtherIdsToAnotherSagaWhenItsIdDiffers() {
        SagaHarness<Purchase> other = new SagaHarness<>(Purchases.SAGA, SagaTest.T0);
        SagaHarness<Purchase> one = new SagaHarness<>(Purchases.SAGA, SagaTest.T0);

        String a = one.start("p1", SagaTest.PURCHASE).getFirst().commandId();
        String b = other.start("p2", SagaTest.PURCHASE).getFirst().commandId();

        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void shouldReadBackTheSameStateAndResumeIdenticallyWhenStoredAsJson() {
        SagaHarness<Purchase> run = new SagaHarness<>(Purchases.SAGA, SagaTest.T0);
        run.accept(run.start("p1", SagaTest.PURCHASE).getFirst(), "wallet.charged");
        Sent apple = run.awaited().getFirst();
        run.accept(apple);
        SagaState<Purchase> stored = run.state();

        SagaState<Purchase> restored = codec.read(codec.write(stored));

        assertThat(restored).isEqualTo(stored);
        Sent pear = run.awaited().getFirst();
        SagaInput<Purchase> reply = new SagaInput.ReplyReceived<>(
                SagaHarness.reply(pear, List.of(), null), SagaTest.T0.plusSeconds(1));
        assertThat(saga.react(reply, Optional.of(restored))).isEqualTo(saga.react(reply, Optional.of(stored)));
        assertThat(saga.react(reply, Optional.of(restored)).orElseThrow().sent())
                .extracting(s -> s.command().commandType()).containsExactly("courier.ship");
    }

    @Test
    void shouldChangeNothingWhenNoSagaOfThatIdStarted() {
        assertThat(saga.react(new SagaInput.Tick<>(SagaTest.T0), Optional.empty())).isEmpty();
        assertThat(saga.react(new SagaInput.Abort<>("CANCELLED", SagaTest.T0), Optional.empty())).isEmpty();
    }
}
