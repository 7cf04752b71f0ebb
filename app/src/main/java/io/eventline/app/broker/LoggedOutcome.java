package io.eventline.app.broker;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.requests.TransactionResult;

/**
 * The outcome a hanging transaction must be given: the one its coordinator logged for it. A coordinator
 * decides a transaction once, in a Prepare record naming every partition, before any marker; so when a
 * partition lost its marker, the log still says whether the others were committed or aborted.
 */
final class LoggedOutcome {
    private LoggedOutcome() {
    }

    /**
     * @param logged the coordinators' Prepare records, in log order
     * @return the outcome decided for {@code open}, or empty when no coordinator decided one: it was
     *         never prepared, so it was never committed anywhere
     */
    static Optional<TransactionResult> of(OpenTransaction open, List<PreparedTransaction> logged) {
        Optional<TransactionResult> outcome = Optional.empty();
        for (PreparedTransaction prepared : logged) {
            if (decides(prepared, open)) {
                outcome = Optional.of(prepared.result());
            }
        }
        return outcome;
    }

    // Ending a transaction bumps the epoch (transaction version 2), so its Prepare record may carry the
    // epoch after the one its records were written with; a later transaction of the producer carries
    // a later epoch still, or (before version 2) comes later in the log.
    private static boolean decides(PreparedTransaction prepared, OpenTransaction open) {
        int epochs = prepared.producerEpoch() - open.producerEpoch();
        return prepared.producerId() == open.producerId()
                && prepared.partitions().contains(open.partition())
                && (epochs == 0 || epochs == 1);
    }
}
