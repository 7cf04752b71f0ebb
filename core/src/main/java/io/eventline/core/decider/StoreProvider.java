package io.eventline.core.decider;

import io.eventline.core.query.KeyPartitionStore;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Where queries find a key-value store by name: a running {@link KafkaStreams} (interactive queries)
 * or, in tests, a {@code TopologyTestDriver}.
 */
@FunctionalInterface
public interface StoreProvider {
    ReadOnlyKeyValueStore<String, byte[]> store(String name);

    /**
     * Whether this instance holds the partition of store {@code name} that {@code key} belongs to. Two
     * stores of one aggregate (its snapshots and its history) sit in different sub-topologies, whose
     * partitions Kafka Streams may give to different instances. True where one store provider holds
     * everything (a test driver's).
     */
    default boolean holds(String name, String key) {
        return true;
    }

    /**
     * The stores of this instance. A store that is restoring or rebalancing throws Kafka's
     * {@code InvalidStateStoreException}: callers answer "not ready" rather than a wrong value. A key's
     * read asks the one partition holding it ({@link KeyPartitionStore}).
     */
    static StoreProvider of(KafkaStreams streams) {
        return new StoreProvider() {
            @Override
            public ReadOnlyKeyValueStore<String, byte[]> store(String name) {
                return KeyPartitionStore.of(streams, name);
            }

            @Override
            public boolean holds(String name, String key) {
                return KeyPartitionStore.holds(streams, name, key);
            }
        };
    }
}
