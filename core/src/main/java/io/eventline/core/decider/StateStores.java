package io.eventline.core.decider;

import io.eventline.core.envelope.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * An aggregate's state in its command processor's stores: the snapshot (in a {@link SnapshotEntry},
 * which may carry a saga's state beside it), and beside it the {@link Entries} one at a time, so that a command costs the same however many items the aggregate
 * has seen. Only the stream task owning the aggregate's partition uses it; what it writes commits
 * with the command's events and reply.
 */
final class StateStores<C, S, V> {
    private final Aggregate<C, S, ?> aggregate;
    private final Entries<C, S, V> entries;
    private final SnapshotCodec<S> snapshots;
    private final KeyValueStore<String, byte[]> snapshotStore;
    private final KeyValueStore<String, byte[]> entryStore;
    // The entry of the aggregate the command being decided loaded, as stored now: see putSnapshot.
    private String loadedId;
    private SnapshotEntry loaded;
    // What the command being decided hands over to ride beside its aggregate's snapshot: see carry.
    private String riderId;
    private Rider rider;

    private StateStores(Aggregate<C, S, ?> aggregate, Entries<C, S, V> entries, ProcessorContext<?, ?> context) {
        this.aggregate = aggregate;
        this.entries = entries;
        this.snapshots = new SnapshotCodec<>(aggregate.stateType());
        this.snapshotStore = context.getStateStore(aggregate.snapshotStore());
        this.entryStore = aggregate.keepsEntries() ? context.getStateStore(aggregate.entryStore()) : null;
    }

    static <C, S> StateStores<C, S, ?> of(Aggregate<C, S, ?> aggregate, ProcessorContext<?, ?> context) {
        return create(aggregate, aggregate.entries(), context);
    }

    private static <C, S, V> StateStores<C, S, V> create(Aggregate<C, S, ?> aggregate, Entries<C, S, V> entries,
                                                          ProcessorContext<?, ?> context) {
        return new StateStores<>(aggregate, entries, context);
    }

    /**
     * Until the next call, {@code rider} (or none, when null) goes into the entry of {@code aggregateId} as it is
     * loaded, and so into what a command's events save ({@link Rider}). When the command saves nothing, nothing
     * is written: the rider's owner, who handed it over, writes it itself.
     */
    void carry(String aggregateId, Rider rider) {
        this.riderId = aggregateId;
        this.rider = rider;
    }

    /** The aggregate as this command sees it: its snapshot, with the one entry the command names if stored. */
    Snapshot<S> load(String aggregateId, C command) {
        return load(aggregateId, entries.keyOf().apply(command));
    }

    /** The aggregate without any entry, for a command that could not be read. */
    Snapshot<S> load(String aggregateId) {
        return load(aggregateId, Optional.empty());
    }

    private Snapshot<S> load(String aggregateId, Optional<String> entryKey) {
        loaded = SnapshotEntry.read(snapshotStore.get(aggregateId));
        if (rider != null && aggregateId.equals(riderId)) {
            loaded = rider.onto(loaded);
        }
        loadedId = aggregateId;
        byte[] stored = loaded.snapshot();
        if (stored == null) {
            return Snapshot.initial(aggregate.decider().initialState());
        }
        Snapshot<S> snapshot = snapshots.read(stored);
        Map<String, V> inSnapshot = entries.of().apply(snapshot.state());
        if (!inSnapshot.isEmpty()) {
            // A snapshot written before its entries were kept apart: split it once, here.
            put(aggregateId, Map.of(), inSnapshot);
            putSnapshot(aggregateId, bare(snapshot));
        }
        Map<String, V> seen = new HashMap<>();
        entryKey.ifPresent(key -> {
            V entry = inSnapshot.containsKey(key) ? inSnapshot.get(key) : read(aggregateId, key);
            if (entry != null) {
                seen.put(key, entry);
            }
        });
        return withState(snapshot, entries.with().apply(entries.bare(snapshot.state()), seen));
    }

    /** Stores what the command's events made of {@code before}: the bare snapshot, and the entries that changed. */
    void save(String aggregateId, Snapshot<S> before, Snapshot<S> after) {
        put(aggregateId, entries.of().apply(before.state()), entries.of().apply(after.state()));
        putSnapshot(aggregateId, bare(after));
    }

    /**
     * The snapshot replaced, what rides beside it kept ({@link SnapshotEntry}): the entry {@link #load}
     * read, not read again. Nothing writes the key between a command's load and its save: the other
     * writer of the store (a saga hosted beside the aggregate) is upstream of the decider in its
     * sub-topology, and a topology has no cycle.
     */
    private void putSnapshot(String aggregateId, Snapshot<S> snapshot) {
        SnapshotEntry entry = aggregateId.equals(loadedId) ? loaded : SnapshotEntry.read(snapshotStore.get(aggregateId));
        loaded = entry.withSnapshot(snapshots.write(snapshot));
        loadedId = aggregateId;
        snapshotStore.put(aggregateId, loaded.bytes());
    }

    /** The state a reply, a view or the snapshot carries: without entries. */
    Snapshot<S> bare(Snapshot<S> snapshot) {
        return withState(snapshot, entries.bare(snapshot.state()));
    }

    private void put(String aggregateId, Map<String, V> before, Map<String, V> after) {
        after.forEach((key, entry) -> {
            if (!Objects.equals(before.get(key), entry)) {
                entryStore.put(Entries.storeKey(aggregateId, key), Json.write(entry));
            }
        });
        before.keySet().stream().filter(key -> !after.containsKey(key))
                .forEach(key -> entryStore.put(Entries.storeKey(aggregateId, key), null)); // delete() reads first
    }

    private V read(String aggregateId, String key) {
        byte[] bytes = entryStore.get(Entries.storeKey(aggregateId, key));
        try {
            return bytes == null ? null : Json.mapper().readValue(bytes, entries.type());
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable entry " + key + " of " + aggregateId, e);
        }
    }

    private static <S> Snapshot<S> withState(Snapshot<S> snapshot, S state) {
        return new Snapshot<>(state, snapshot.version(), snapshot.timestamp(), snapshot.created());
    }
}
