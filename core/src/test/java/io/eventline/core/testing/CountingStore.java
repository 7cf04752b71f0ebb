package io.eventline.core.testing;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * A store read through, counting the entries its reads hand out (a key found, each entry of a range):
 * what a query costs, for tests that bound it.
 */
public final class CountingStore implements ReadOnlyKeyValueStore<String, byte[]> {
    private final ReadOnlyKeyValueStore<String, byte[]> store;
    private int read;

    public CountingStore(ReadOnlyKeyValueStore<String, byte[]> store) {
        this.store = store;
    }

    /** Entries read so far. */
    public int read() {
        return read;
    }

    @Override
    public byte[] get(String key) {
        byte[] value = store.get(key);
        if (value != null) {
            read++;
        }
        return value;
    }

    @Override
    public KeyValueIterator<String, byte[]> range(String from, String to) {
        return counting(store.range(from, to));
    }

    @Override
    public KeyValueIterator<String, byte[]> reverseRange(String from, String to) {
        return counting(store.reverseRange(from, to));
    }

    @Override
    public KeyValueIterator<String, byte[]> all() {
        return counting(store.all());
    }

    @Override
    public KeyValueIterator<String, byte[]> reverseAll() {
        return counting(store.reverseAll());
    }

    @Override
    public <S extends Serializer<P>, P> KeyValueIterator<String, byte[]> prefixScan(P prefix, S serializer) {
        return counting(store.prefixScan(prefix, serializer));
    }

    @Override
    public long approximateNumEntries() {
        return store.approximateNumEntries();
    }

    private KeyValueIterator<String, byte[]> counting(KeyValueIterator<String, byte[]> entries) {
        return new KeyValueIterator<>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public KeyValue<String, byte[]> next() {
                read++;
                return entries.next();
            }

            @Override
            public void close() {
                entries.close();
            }

            @Override
            public String peekNextKey() {
                return entries.peekNextKey();
            }
        };
    }
}
