package io.eventline.app.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class HangingTransactionsTest {
    private static final TopicPartition EVENTS = new TopicPartition("orders.events", 3);
    private static final OpenTransaction OPEN = new OpenTransaction(EVENTS, 7L, (short) 4, 120L, 2);

    @Test
    void shouldFindATransactionHangingWhenItsCoordinatorHasCompletedIt() {
        assertThat(HangingTransactions.among(Set.of(OPEN), Set.of(OPEN),
                Map.of(7L, coordinator(TransactionState.COMPLETE_COMMIT, 5, Set.of()))))
                .containsExactly(OPEN);
    }

    @Test
    void shouldFindATransactionHangingWhenItsCoordinatorHasForgottenTheProducer() {
        assertThat(HangingTransactions.among(Set.of(OPEN), Set.of(OPEN), Map.of())).containsExactly(OPEN);
    }

    @Test
    void shouldFindATransactionHangingWhenTheProducerHasMovedOnToALaterTransaction() {
        assertThat(HangingTransactions.among(Set.of(OPEN), Set.of(OPEN),
                Map.of(7L, coordinator(TransactionState.ONGOING, 5, Set.of(EVENTS)))))
                .containsExactly(OPEN);
    }

    @Test
    void shouldLeaveATransactionWhenItsCoordinatorHoldsItOpen() {
        assertThat(HangingTransactions.among(Set.of(OPEN), Set.of(OPEN),
                Map.of(7L, coordinator(TransactionState.ONGOING, 4, Set.of(EVENTS))))).isEmpty();
    }

    @Test
    void shouldLeaveATransactionWhenItsCoordinatorIsWritingItsMarkers() {
        assertThat(HangingTransactions.among(Set.of(OPEN), Set.of(OPEN),
                Map.of(7L, coordinator(TransactionState.PREPARE_COMMIT, 5, Set.of(EVENTS))))).isEmpty();
    }

    @Test
    void shouldLeaveATransactionWhenItWasNotOpenAtThePreviousLook() {
        OpenTransaction sameProducerLaterOffset = new OpenTransaction(EVENTS, 7L, (short) 4, 121L, 2);
        assertThat(HangingTransactions.among(Set.of(sameProducerLaterOffset), Set.of(OPEN), Map.of())).isEmpty();
    }

    private static TransactionDescription coordinator(TransactionState state, int epoch, Set<TopicPartition> partitions) {
        return new TransactionDescription(1, state, 7L, epoch, 10_000L, OptionalLong.of(0L), partitions);
    }
}
