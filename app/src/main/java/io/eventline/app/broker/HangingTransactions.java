package io.eventline.app.broker;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.TransactionDescription;

/**
 * Which open transactions hang: those a partition still holds open, from the same offset, at two looks
 * a sweep apart, while their coordinator has no open transaction of that producer and epoch over that
 * partition. The coordinator has finished with them, so no marker will ever come, and every
 * read_committed reader of the partition is blocked for good (what {@code kafka-transactions.sh
 * find-hanging} reports).
 *
 * <p>Why they happen here: Kafka 4.3's transaction coordinator drops the markers of a partition whose
 * leader it cannot find, taking it for deleted. A single-node broker restarted after a SIGKILL leaves its
 * partitions leaderless for a moment, when its controller fences the killed incarnation; a transaction
 * the coordinator completes in that moment keeps its partitions open for ever.
 */
final class HangingTransactions {
    private HangingTransactions() {
    }

    /**
     * @param before      open at the previous look
     * @param now         open at this look
     * @param coordinator the coordinator's description of each producer id it knows of, taken between
     *                    the two looks or after them
     */
    static List<OpenTransaction> among(Set<OpenTransaction> before, Set<OpenTransaction> now,
                                       Map<Long, TransactionDescription> coordinator) {
        return now.stream()
                .filter(before::contains)
                .filter(open -> !heldByCoordinator(open, coordinator.get(open.producerId())))
                .toList();
    }

    private static boolean heldByCoordinator(OpenTransaction open, TransactionDescription description) {
        if (description == null || !description.topicPartitions().contains(open.partition())) {
            return false;
        }
        // Ending a transaction bumps the epoch (transaction version 2): a prepared one may already
        // carry the next epoch, while an ongoing one of a later epoch is another transaction.
        return switch (description.state()) {
            case ONGOING -> description.producerEpoch() == open.producerEpoch();
            case PREPARE_COMMIT, PREPARE_ABORT -> description.producerEpoch() >= open.producerEpoch();
            default -> false;
        };
    }
}
