package io.eventline.core.query;

import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.query.FailureReason;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.StateQueryRequest;

/** What {@link KeyRouter} asks Kafka Streams: a seam, so that the routing rules are tested without a broker. */
interface Placement {
    /**
     * @return {@link KeyQueryMetadata#NOT_AVAILABLE} (or an unavailable active host) while the
     *     assignment is unknown; {@code null} when no store of that name is in the topology
     * @throws InvalidStateStoreException or {@link IllegalStateException} while the streams are not
     *     running or rebalancing
     */
    KeyQueryMetadata metadata(String store, String key);

    /** Whether this instance's active task for {@code partition} answers queries on {@code store} now. */
    boolean answers(String store, String key, int partition);

    /** @param streams the streams holding the store now (a read model's rebuild swaps them) */
    static Placement of(Supplier<KafkaStreams> streams) {
        return new Placement() {
            @Override
            public KeyQueryMetadata metadata(String store, String key) {
                return streams.get().queryMetadataForKey(store, key, Serdes.String().serializer());
            }

            @Override
            public boolean answers(String store, String key, int partition) {
                // A query on the one partition, active only: a restoring or moved task fails it. It is
                // a query no store knows, so that no store reads for it: a KeyQuery takes the store's
                // position lock, then its own, and deadlocks against a put (KAFKA-19629, 4.3.1).
                StateQueryRequest<Void> probe = StateQueryRequest.inStore(store)
                        .withQuery(new Ping())
                        .withPartitions(Set.of(partition))
                        .requireActive();
                try {
                    QueryResult<Void> result = streams.get().query(probe).getPartitionResults().get(partition);
                    return result != null && (result.isSuccess() || isUp(result.getFailureReason()));
                } catch (InvalidStateStoreException e) {
                    return false; // not running, or the store is not (yet) here
                }
            }
        };
    }

    /** Asks whether the store is up and active here, and nothing else. */
    record Ping() implements Query<Void> {
    }

    private static boolean isUp(FailureReason reason) {
        return switch (reason) {
            case UNKNOWN_QUERY_TYPE, STORE_EXCEPTION -> true; // it answered: the route reports its own errors
            case NOT_ACTIVE, NOT_PRESENT, DOES_NOT_EXIST, NOT_UP_TO_BOUND -> false;
        };
    }
}
