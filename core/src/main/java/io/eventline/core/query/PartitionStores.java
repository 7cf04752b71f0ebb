package io.eventline.core.query;

import io.eventline.core.failure.NotReady;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Each partition of a store that this instance holds, as a store of its own: what a sorted read over
 * several partitions needs ({@link RecencyIndex#newest}), since the store Kafka Streams answers for
 * all of them reads one partition after the other. A seam: tests hand over stores of their own.
 */
@FunctionalInterface
public interface PartitionStores {
    /**
     * @return the partitions active here and queryable now; a partition still restoring is left out,
     *     as Kafka Streams' store over all partitions leaves it out (readiness says so meanwhile)
     * @throws NotReady while the streams are neither running nor rebalancing
     */
    List<ReadOnlyKeyValueStore<String, byte[]>> of(String store);

    /** @param streams the streams holding the store now (a read model's rebuild swaps them) */
    static PartitionStores of(Supplier<KafkaStreams> streams) {
        return store -> {
            KafkaStreams running = streams.get();
            // As KafkaStreams#store: queries are answered while a rebalance moves partitions elsewhere.
            if (running.state() != KafkaStreams.State.RUNNING && running.state() != KafkaStreams.State.REBALANCING) {
                throw new NotReady("the " + store + " store is not ready (its streams are " + running.state()
                        + "); retry");
            }
            // Every partition an active task here reads; tasks of other sub-topologies may hold none of the store.
            TreeSet<Integer> partitions = new TreeSet<>();
            running.metadataForLocalThreads().forEach(thread -> thread.activeTasks()
                    .forEach(task -> partitions.add(task.taskId().partition())));
            List<ReadOnlyKeyValueStore<String, byte[]>> stores = new ArrayList<>();
            for (int partition : partitions) {
                try {
                    ReadOnlyKeyValueStore<String, byte[]> one = running.store(StoreQueryParameters
                            .fromNameAndType(store, QueryableStoreTypes.<String, byte[]>keyValueStore())
                            .withPartition(partition));
                    one.approximateNumEntries(); // the store is resolved lazily: here, or not at all
                    stores.add(one);
                } catch (InvalidStateStoreException e) {
                    // this partition's task holds no such store, or restores it
                }
            }
            return stores;
        };
    }
}
