package io.eventline.customers;

import java.time.Duration;
import java.util.Set;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.query.FailureReason;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until this instance's table has applied a write it made, so that a read here right after the
 * write's answer sees it (read-your-writes). It relies on store positions (KIP-796): a store tracks
 * the highest offset it has applied per input partition, and a query bound to the written record's
 * offset fails with {@code NOT_UP_TO_BOUND} until the store has caught up. Unlike comparing the stored
 * value with the written one, this stays exact when another write to the same customer lands first.
 * Thread-safe.
 */
final class AppliedWrites {
    private static final Logger LOG = LoggerFactory.getLogger(AppliedWrites.class);
    // Kafka Streams offers no callback when a store reaches a position, so the bound is polled; a
    // record is usually applied within milliseconds of its acknowledgement.
    private static final Duration POLL = Duration.ofMillis(5);

    private final KafkaStreams streams;

    AppliedWrites(KafkaStreams streams) {
        this.streams = streams;
    }

    private enum Outcome { APPLIED, PENDING, NOT_HERE }

    /** @return whether the write was applied here within the timeout; false also when another instance owns it */
    boolean await(String customerId, RecordMetadata written, Duration timeout) throws InterruptedException {
        StateQueryRequest<byte[]> request = StateQueryRequest.inStore(CustomersService.STORE)
                .withQuery(KeyQuery.<String, byte[]>withKey(customerId))
                .withPartitions(Set.of(written.partition()))
                .withPositionBound(PositionBound.at(Position.emptyPosition()
                        .withComponent(written.topic(), written.partition(), written.offset())));
        long deadline = System.nanoTime() + timeout.toNanos();
        Outcome outcome = query(request, written.partition());
        while (outcome == Outcome.PENDING && System.nanoTime() < deadline) {
            Thread.sleep(POLL);
            outcome = query(request, written.partition());
        }
        if (outcome != Outcome.APPLIED) {
            LOG.warn("customer {} at {}-{}@{} not readable here after the write ({}): a read may not see it yet",
                    customerId, written.topic(), written.partition(), written.offset(),
                    outcome == Outcome.PENDING ? "timed out after " + timeout : "its partition is elsewhere");
        }
        return outcome == Outcome.APPLIED;
    }

    private Outcome query(StateQueryRequest<byte[]> request, int partition) {
        QueryResult<byte[]> result;
        try {
            result = streams.query(request).getPartitionResults().get(partition);
        } catch (InvalidStateStoreException e) {
            return Outcome.NOT_HERE; // the streams are not running: no read here will answer either
        }
        if (result == null) {
            return Outcome.NOT_HERE;
        }
        return result.isSuccess() ? Outcome.APPLIED : outcome(result.getFailureReason());
    }

    private static Outcome outcome(FailureReason reason) {
        return switch (reason) {
            case NOT_UP_TO_BOUND, NOT_ACTIVE -> Outcome.PENDING; // behind, or restoring: it will catch up
            case NOT_PRESENT, DOES_NOT_EXIST -> Outcome.NOT_HERE;
            case UNKNOWN_QUERY_TYPE, STORE_EXCEPTION -> Outcome.NOT_HERE;
        };
    }
}
