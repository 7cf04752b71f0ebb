package io.eventline.app.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.requests.TransactionResult;
import org.junit.jupiter.api.Test;

class LoggedOutcomeTest {
    private static final TopicPartition CHANGELOG = new TopicPartition("accounts-view-changelog", 2);
    private static final TopicPartition OFFSETS = new TopicPartition("__consumer_offsets", 7);
    private static final OpenTransaction HANGING = new OpenTransaction(CHANGELOG, 7L, (short) 4, 120L, 2);

    @Test
    void shouldCommitWhenItsCoordinatorPreparedACommitWithTheNextEpoch() {
        assertThat(LoggedOutcome.of(HANGING, List.of(prepared(7L, 5, TransactionResult.COMMIT, CHANGELOG, OFFSETS))))
                .contains(TransactionResult.COMMIT);
    }

    @Test
    void shouldCommitWhenItsCoordinatorPreparedACommitWithTheSameEpoch() {
        assertThat(LoggedOutcome.of(HANGING, List.of(prepared(7L, 4, TransactionResult.COMMIT, CHANGELOG))))
                .contains(TransactionResult.COMMIT);
    }

    @Test
    void shouldAbortWhenItsCoordinatorPreparedAnAbort() {
        assertThat(LoggedOutcome.of(HANGING, List.of(prepared(7L, 5, TransactionResult.ABORT, CHANGELOG))))
                .contains(TransactionResult.ABORT);
    }

    @Test
    void shouldTakeTheLatestDecisionWhenTheProducerEndedSeveralTransactionsAtOneEpoch() {
        assertThat(LoggedOutcome.of(HANGING, List.of(
                prepared(7L, 4, TransactionResult.ABORT, CHANGELOG),
                prepared(7L, 4, TransactionResult.COMMIT, CHANGELOG))))
                .contains(TransactionResult.COMMIT);
    }

    @Test
    void shouldFindNoOutcomeWhenNoPreparedTransactionNamesThePartition() {
        assertThat(LoggedOutcome.of(HANGING, List.of(prepared(7L, 5, TransactionResult.COMMIT, OFFSETS)))).isEmpty();
    }

    @Test
    void shouldIgnoreOtherProducersAndOtherEpochsWhenLookingForTheOutcome() {
        assertThat(LoggedOutcome.of(HANGING, List.of(
                prepared(8L, 5, TransactionResult.COMMIT, CHANGELOG),
                prepared(7L, 3, TransactionResult.COMMIT, CHANGELOG),
                prepared(7L, 6, TransactionResult.COMMIT, CHANGELOG))))
                .isEmpty();
    }

    private static PreparedTransaction prepared(long producerId, int epoch, TransactionResult result,
                                                TopicPartition... partitions) {
        return new PreparedTransaction(producerId, (short) epoch, result, Set.of(partitions));
    }
}
