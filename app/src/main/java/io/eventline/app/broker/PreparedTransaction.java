package io.eventline.app.broker;

import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.requests.TransactionResult;

/**
 * An outcome a transaction coordinator decided and logged in {@code __transaction_state} (its
 * PrepareCommit or PrepareAbort record), before writing the markers to the partitions it names.
 */
record PreparedTransaction(long producerId, short producerEpoch, TransactionResult result,
                           Set<TopicPartition> partitions) {
}
