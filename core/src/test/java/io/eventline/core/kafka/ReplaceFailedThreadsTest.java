package io.eventline.core.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class ReplaceFailedThreadsTest {
    /** The failure a broker soak saw kill a read model's only thread (Kafka Streams' default: shut down). */
    @Test
    void shouldReplaceAThreadKilledByAFailedCommit() {
        StreamsException failedCommit = new StreamsException("Error encountered trying to commit a transaction",
                new InvalidTxnStateException("The producer attempted a transactional operation in an invalid state."));

        assertThat(new ReplaceFailedThreads("inventory-view-v1").handle(failedCommit))
                .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }
}
