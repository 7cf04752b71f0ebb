package io.eventline.core.decider;

import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * The read side of one aggregate, from its own stores: the current snapshot, its events, and its state
 * as of a time. History and as-of read one prefix range of the history store, so they cost in
 * proportion to that aggregate's events, never to the whole topic. Thread-safe.
 */
public final class AggregateQueries<C, S, E> {
    /** How long a history may take to catch up with the snapshot: a commit and a fetch, at rest. */
    private static final Duration CATCH_UP = Duration.ofSeconds(2);
    private static final Duration CATCH_UP_POLL = Duration.ofMillis(5);

    private final Aggregate<C, S, E> aggregate;
    private final StoreProvider stores;
    private final SnapshotCodec<S> snapshots;

    public AggregateQueries(Aggregate<C, S, E> aggregate, StoreProvider stores) {
        this.aggregate = aggregate;
        this.stores = stores;
        this.snapshots = new SnapshotCodec<>(aggregate.stateType());
    }

    /** The aggregate now, with all its {@link Entries}; empty when it has no event. */
    public Optional<Snapshot<S>> current(String aggregateId) {
        byte[] stored = SnapshotEntry.snapshotOf(stores.store(aggregate.snapshotStore()).get(aggregateId));
        return Optional.ofNullable(stored).map(bytes -> withEntries(aggregateId, snapshots.read(bytes)));
    }

    /**
     * Every aggregate of this instance's stores, by id. A full scan: fine for listing a few thousand;
     * list views that must scale read a projection instead.
     */
    public Map<String, Snapshot<S>> all() {
        Map<String, Snapshot<S>> all = new LinkedHashMap<>();
        try (KeyValueIterator<String, byte[]> range = stores.store(aggregate.snapshotStore()).all()) {
            range.forEachRemaining(entry -> {
                byte[] snapshot = SnapshotEntry.snapshotOf(entry.value);
                if (snapshot != null) { // null: a saga's state rides there before the aggregate's first event
                    all.put(entry.key, withEntries(entry.key, snapshots.read(snapshot)));
                }
            });
        }
        return all;
    }

    private Snapshot<S> withEntries(String aggregateId, Snapshot<S> snapshot) {
        return aggregate.keepsEntries() ? joined(aggregateId, snapshot, aggregate.entries()) : snapshot;
    }

    /** A prefix range of the entry store: in proportion to this aggregate's entries, on a query only. */
    private <V> Snapshot<S> joined(String aggregateId, Snapshot<S> snapshot, Entries<C, S, V> entries) {
        Map<String, V> all = new HashMap<>(entries.of().apply(snapshot.state())); // a snapshot not yet split
        String prefix = Entries.prefix(aggregateId);
        try (KeyValueIterator<String, byte[]> range = stores.store(aggregate.entryStore())
                .prefixScan(prefix, new StringSerializer())) {
            range.forEachRemaining(entry -> all.put(entry.key.substring(prefix.length()), read(entry, entries.type())));
        }
        return new Snapshot<>(entries.with().apply(snapshot.state(), all), snapshot.version(), snapshot.timestamp(),
                snapshot.created());
    }

    private static <V> V read(KeyValue<String, byte[]> entry, Class<V> type) {
        try {
            return Json.mapper().readValue(entry.value, type);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable entry " + entry.key, e);
        }
    }

    /**
     * Its events, oldest first, exactly as they are on the event topic. The history store reads them
     * back from the topic once committed ({@link HistoryStore}), a moment after the snapshot has them:
     * where this instance holds both the snapshot and the history of the aggregate, the answer waits (at
     * most {@link #CATCH_UP}) until the history has every version the snapshot has, so that a client
     * reads its own writes. Where the history is another instance's, there is nothing here to wait for
     * (the instance asked for its part of a list answers for it).
     */
    public List<EventEnvelope> events(String aggregateId) {
        List<EventEnvelope> events = history(aggregateId);
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        long version = stores.holds(aggregate.historyStore(), aggregateId) ? localVersion(aggregateId) : 0;
        while (events.size() < version && System.nanoTime() < deadline) {
            try {
                Thread.sleep(CATCH_UP_POLL.toMillis()); // callers run on virtual threads
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            events = history(aggregateId);
        }
        return events;
    }

    /** The snapshot's version where this instance holds it, else 0 (nothing to wait for here). */
    private long localVersion(String aggregateId) {
        try {
            byte[] stored = SnapshotEntry.snapshotOf(stores.store(aggregate.snapshotStore()).get(aggregateId));
            return stored == null ? 0 : snapshots.read(stored).version();
        } catch (InvalidStateStoreException e) {
            return 0; // another instance's, or rebalancing: answer with what the history has
        }
    }

    private List<EventEnvelope> history(String aggregateId) {
        List<EventEnvelope> events = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> range = stores.store(aggregate.historyStore())
                .prefixScan(HistoryKeys.prefix(aggregateId), new StringSerializer())) {
            range.forEachRemaining((KeyValue<String, byte[]> entry) -> events.add(EnvelopeCodec.fromBytes(entry.value)));
        }
        return events;
    }

    /** The aggregate as it was once every event with a timestamp at or before {@code time} applied. */
    public Optional<Snapshot<S>> asOf(String aggregateId, Instant time) {
        Snapshot<S> state = Snapshot.initial(aggregate.decider().initialState());
        for (EventEnvelope envelope : events(aggregateId)) {
            if (envelope.timestamp().isAfter(time)) {
                break; // timestamps never go back within an aggregate (CommandProcessor)
            }
            E event = aggregate.events().decode(envelope.eventType(), envelope.version(), envelope.data());
            state = state.next(aggregate.decider().evolve(state.state(), event), envelope.timestamp());
        }
        return state.exists() ? Optional.of(state) : Optional.empty();
    }
}
