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
     * The stores of this instance. A store that is restoring or rebalancing throws Kafka's
     * {@code InvalidStateStoreException}: callers answer "not ready" rather than a wrong value. A key's
     * read asks the one partition holding it ({@link KeyPartitionStore}).
     */
    static StoreProvider of(KafkaStreams streams) {
        return name -> KeyPartitionStore.of(streams, name);
    }
}
