package io.eventline.core.query;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * A running application's store whose read of one key asks only the partition that holds the key.
 *
 * <p>Why: the store Kafka Streams answers for all of this instance's partitions asks each partition in
 * turn, a cache lookup and a RocksDB read each: six for a key that is not there (an order with no
 * compensation, a view not written yet). A client awaiting an order reads its view and its
 * compensations at least twice each, and under a REST load those reads were a twelfth of the
 * platform's CPU. The key's partition comes from Kafka Streams ({@link KafkaStreams#queryMetadataForKey}),
 * as its own routing does. When it is unknown (a global store, metadata not there yet) or not here (a
 * rebalance moving it, another instance), every partition is asked, as before, so the answer is the
 * same. Ranges and scans span partitions: they go to the store over all of them.
 */
public final class KeyPartitionStore implements ReadOnlyKeyValueStore<String, byte[]> {
    private static final Serializer<String> KEYS = new StringSerializer();

    private final KafkaStreams streams;
    private final String name;
    private final ReadOnlyKeyValueStore<String, byte[]> all;

    private KeyPartitionStore(KafkaStreams streams, String name, ReadOnlyKeyValueStore<String, byte[]> all) {
        this.streams = streams;
        this.name = name;
        this.all = all;
    }

    /**
     * @throws InvalidStateStoreException as {@link KafkaStreams#store} does, while the streams are neither
     *     running nor rebalancing
     */
    public static ReadOnlyKeyValueStore<String, byte[]> of(KafkaStreams streams, String name) {
        return new KeyPartitionStore(streams, name, streams.store(StoreQueryParameters.fromNameAndType(name,
                QueryableStoreTypes.keyValueStore())));
    }

    @Override
    public byte[] get(String key) {
        int partition = partitionOf(key);
        if (partition < 0) {
            return all.get(key);
        }
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name,
                    QueryableStoreTypes.<String, byte[]>keyValueStore()).withPartition(partition)).get(key);
        } catch (InvalidStateStoreException e) {
            return all.get(key); // that partition's task is not here now: the read over all of them says what is
        }
    }

    /**
     * Whether this instance holds the active partition of store {@code name} that {@code key} belongs
     * to; true when that partition is unknown (metadata not there yet, a global store), where a read
     * over this instance's partitions is all there is to go by.
     */
    public static boolean holds(KafkaStreams streams, String name, String key) {
        int partition = partitionOf(streams, name, key);
        if (partition < 0) {
            return true;
        }
        try {
            // The store for one partition is checked as it is read: a partition not here throws.
            streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, byte[]>keyValueStore())
                    .withPartition(partition)).approximateNumEntries();
            return true;
        } catch (InvalidStateStoreException e) {
            return false;
        }
    }

    private int partitionOf(String key) {
        return partitionOf(streams, name, key);
    }

    private static int partitionOf(KafkaStreams streams, String name, String key) {
        try {
            KeyQueryMetadata where = streams.queryMetadataForKey(name, key, KEYS);
            return where == null ? -1 : where.partition();
        } catch (RuntimeException e) {
            return -1; // not running or rebalancing: the read over all partitions fails as it always did
        }
    }

    @Override
    public KeyValueIterator<String, byte[]> range(String from, String to) {
        return all.range(from, to);
    }

    @Override
    public KeyValueIterator<String, byte[]> reverseRange(String from, String to) {
        return all.reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<String, byte[]> all() {
        return all.all();
    }

    @Override
    public KeyValueIterator<String, byte[]> reverseAll() {
        return all.reverseAll();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<String, byte[]> prefixScan(
            P prefix, PS prefixKeySerializer) {
        return all.prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        return all.approximateNumEntries();
    }
}
