package io.eventline.app.broker;

import org.apache.kafka.common.TopicPartition;

/**
 * A transaction a partition holds open: it fixes that partition's last stable offset, which no
 * read_committed reader passes until a commit or abort marker closes it.
 */
record OpenTransaction(TopicPartition partition, long producerId, short producerEpoch, long startOffset,
                       int coordinatorEpoch) {
    @Override
    public String toString() {
        return partition + " from offset " + startOffset + " (producer " + producerId + ", epoch " + producerEpoch + ")";
    }
}
