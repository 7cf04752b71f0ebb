package io.eventline.core.decider;

import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.MalformedEnvelopeException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An aggregate's history store, built from its event topic: each record of the topic (key the
 * aggregate id, value its event's envelope) is appended under {@link HistoryKeys}
 * {@code aggregateId/version}, the next version of that aggregate.
 *
 * <p>Why: the events are already in the topic, once, in order per aggregate (one partition each).
 * Writing them again into a store with a changelog of its own cost a changelog record per event, the
 * largest records of a hop. Read as a table whose changelog is its source topic (Kafka Streams'
 * {@code reuse.ktable.source.topics}), the store is restored by reading the event topic again, and
 * restoring goes through {@link #append} like processing does: a restored store holds the same
 * versions. Records that are not this aggregate's envelopes (a tombstone, garbage written by hand)
 * are left out, as they were never its events.
 *
 * <p>The version is one more than the aggregate's last one in the store (a reverse range, one seek,
 * when the aggregate has a first event), so the store needs no counter of its own.
 */
final class HistoryStore implements KeyValueStore<Bytes, byte[]> {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryStore.class);
    private static final int TIMESTAMP_BYTES = 8;
    private static final int REMEMBERED_AGGREGATES = 10_000;

    private final KeyValueStore<Bytes, byte[]> inner;
    /**
     * The last version of the aggregates appended to lately: an aggregate's next event then costs no
     * seek in RocksDB (a reverse range, an iterator: the append's largest cost). Only this store
     * writes its keys, one task's thread at a time, so what it remembers is what RocksDB holds.
     */
    private final Map<String, Long> lastVersions = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > REMEMBERED_AGGREGATES;
        }
    };

    private HistoryStore(KeyValueStore<Bytes, byte[]> inner) {
        this.inner = inner;
    }

    /** A persistent (RocksDB) history store named {@code name}. */
    static KeyValueBytesStoreSupplier supplier(String name) {
        KeyValueBytesStoreSupplier rocks = Stores.persistentKeyValueStore(name);
        return new KeyValueBytesStoreSupplier() {
            @Override
            public String name() {
                return rocks.name();
            }

            @Override
            public KeyValueStore<Bytes, byte[]> get() {
                return new HistoryStore(rocks.get());
            }

            @Override
            public String metricsScope() {
                return rocks.metricsScope();
            }
        };
    }

    /** Appends {@code envelope} to the history of the aggregate {@code key} names. */
    void append(Bytes key, byte[] envelope) {
        if (key == null || envelope == null) {
            return; // a tombstone: no event
        }
        String aggregateId = new String(key.get(), StandardCharsets.UTF_8);
        String eventOf;
        try {
            eventOf = EnvelopeCodec.aggregateIdOf(envelope); // checked as an envelope, its data not built
        } catch (MalformedEnvelopeException e) {
            LOG.debug("history of {}: a record that is no event envelope left out: {}", aggregateId, e.getMessage());
            return;
        }
        if (!aggregateId.equals(eventOf)) {
            LOG.debug("history of {}: an event of {} under its key left out", aggregateId, eventOf);
            return;
        }
        long version = lastVersion(aggregateId) + 1;
        inner.put(bytes(HistoryKeys.of(aggregateId, version)), envelope);
        lastVersions.put(aggregateId, version);
    }

    private long lastVersion(String aggregateId) {
        Long known = lastVersions.get(aggregateId);
        return known != null ? known : storedLastVersion(aggregateId);
    }

    private long storedLastVersion(String aggregateId) {
        // Versions start at 1 and are never removed: without a first event there is none. A point get
        // that misses is answered by RocksDB's bloom filter; each new aggregate (every order) asks.
        if (inner.get(bytes(HistoryKeys.of(aggregateId, 1))) == null) {
            return 0;
        }
        String prefix = HistoryKeys.prefix(aggregateId);
        try (KeyValueIterator<Bytes, byte[]> last = inner.reverseRange(
                bytes(HistoryKeys.of(aggregateId, 0)), bytes(HistoryKeys.of(aggregateId, Long.MAX_VALUE)))) {
            if (!last.hasNext()) {
                return 0;
            }
            String stored = new String(last.next().key.get(), StandardCharsets.UTF_8);
            return Long.parseLong(stored.substring(prefix.length()));
        }
    }

    private static Bytes bytes(String key) {
        return Bytes.wrap(key.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Restoring passes the topic's records; a store Kafka Streams takes for a timestamped one gets the
     * value behind an 8-byte timestamp. An envelope is a JSON object, so it starts with '{'.
     */
    private void restore(byte[] key, byte[] value) {
        byte[] envelope = value != null && value.length > TIMESTAMP_BYTES && value[0] != '{'
                && value[TIMESTAMP_BYTES] == '{'
                ? java.util.Arrays.copyOfRange(value, TIMESTAMP_BYTES, value.length) : value;
        append(Bytes.wrap(key), envelope);
    }

    // Writes: everything goes through append; history is never deleted or overwritten.

    @Override
    public void put(Bytes key, byte[] value) {
        append(key, value);
    }

    @Override
    public byte[] putIfAbsent(Bytes key, byte[] value) {
        append(key, value);
        return null;
    }

    @Override
    public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
        entries.forEach(entry -> append(entry.key, entry.value));
    }

    @Override
    public byte[] delete(Bytes key) {
        return null;
    }

    // The store itself: RocksDB's, except that restoring appends as processing does.

    @Override
    public void init(StateStoreContext context, StateStore root) {
        lastVersions.clear(); // what a store reopened (after a crash, wiped or rolled back) holds is RocksDB's to say
        inner.init(RestoringThrough.restoring(context, this::restore), root);
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void flush() {
        inner.flush();
    }

    @Override
    public void commit(java.util.Map<TopicPartition, Long> changelogOffsets) {
        inner.commit(changelogOffsets);
    }

    @Override
    public Long committedOffset(TopicPartition partition) {
        return inner.committedOffset(partition);
    }

    @Override
    public boolean managesOffsets() {
        return inner.managesOffsets();
    }

    @Override
    public void close() {
        lastVersions.clear();
        inner.close();
    }

    @Override
    public boolean persistent() {
        return inner.persistent();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return inner.query(query, positionBound, config);
    }

    @Override
    public long approximateNumUncommittedBytes() {
        return inner.approximateNumUncommittedBytes();
    }

    @Override
    public Position getPosition() {
        return inner.getPosition();
    }

    // Reads: RocksDB's.

    @Override
    public byte[] get(Bytes key) {
        // The table reads the old value of each record's key, an aggregate id: never a key of this
        // store (every key is aggregateId/version), so no need to ask RocksDB.
        return HistoryKeys.isVersioned(key.get()) ? inner.get(key) : null;
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
        return inner.range(from, to);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
        return inner.reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> all() {
        return inner.all();
    }

    @Override
    public KeyValueIterator<Bytes, byte[]> reverseAll() {
        return inner.reverseAll();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(P prefix, PS prefixKeySerializer) {
        return inner.prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        return inner.approximateNumEntries();
    }
}
