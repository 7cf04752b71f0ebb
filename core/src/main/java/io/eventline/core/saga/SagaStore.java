package io.eventline.core.saga;

import io.eventline.core.decider.SnapshotEntry;
import java.util.Arrays;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Where a task keeps its sagas' states, by saga id: the saga's own {@code <saga>-state} store, or,
 * for a saga run in place with the aggregate it is keyed as ({@link SagaTopology#inPlace}), that
 * aggregate's snapshot store, beside each snapshot ({@link SnapshotEntry}): a step and the command it
 * decides in place then write one key of one store, one changelog record where two stores made two.
 *
 * <p>Hosted, the {@code <saga>-state} store stays: sagas it held before an upgrade are read from it
 * until their next step moves them beside the snapshot (and deletes them there).
 */
abstract sealed class SagaStore {
    /** The saga's state, or null when none started with that id. */
    abstract byte[] get(String sagaId);

    abstract void put(String sagaId, byte[] state);

    /**
     * {@link #put}, unless the state is already stored: a saga hosted beside its target's snapshots hands
     * its state to the command it has decided in place ({@code io.eventline.core.decider.Rider}), and the
     * decider writes it with the snapshot, in one put, when the command's events change the snapshot.
     */
    abstract void putUnlessWritten(String sagaId, byte[] state);

    /** Every saga kept: a full scan, for a task's first tick. */
    abstract void forEach(BiConsumer<String, byte[]> each);

    static SagaStore own(KeyValueStore<String, byte[]> store) {
        return new Own(store);
    }

    static SagaStore hosted(KeyValueStore<String, byte[]> snapshots, KeyValueStore<String, byte[]> legacy,
                            String saga) {
        return new Hosted(snapshots, legacy, saga);
    }

    /** A saga read-only, for queries: from the store it lives in ({@link #hosted} as {@link #get} reads). */
    static byte[] read(ReadOnlyKeyValueStore<String, byte[]> snapshots, ReadOnlyKeyValueStore<String, byte[]> legacy,
                       String saga, String sagaId) {
        byte[] hosted = SnapshotEntry.read(snapshots.get(sagaId)).rider(saga);
        return hosted != null ? hosted : legacy.get(sagaId);
    }

    private static final class Own extends SagaStore {
        private final KeyValueStore<String, byte[]> store;

        Own(KeyValueStore<String, byte[]> store) {
            this.store = store;
        }

        @Override
        byte[] get(String sagaId) {
            return store.get(sagaId);
        }

        @Override
        void put(String sagaId, byte[] state) {
            store.put(sagaId, state);
        }

        @Override
        void putUnlessWritten(String sagaId, byte[] state) {
            put(sagaId, state); // nothing else writes this store
        }

        @Override
        void forEach(BiConsumer<String, byte[]> each) {
            try (KeyValueIterator<String, byte[]> all = store.all()) {
                all.forEachRemaining(entry -> each.accept(entry.key, entry.value));
            }
        }
    }

    private static final class Hosted extends SagaStore {
        private final KeyValueStore<String, byte[]> snapshots;
        private final KeyValueStore<String, byte[]> legacy;
        private final String saga;

        Hosted(KeyValueStore<String, byte[]> snapshots, KeyValueStore<String, byte[]> legacy, String saga) {
            this.snapshots = snapshots;
            this.legacy = legacy;
            this.saga = saga;
        }

        @Override
        byte[] get(String sagaId) {
            return read(snapshots, legacy, saga, sagaId);
        }

        @Override
        void put(String sagaId, byte[] state) {
            write(sagaId, state, false);
        }

        @Override
        void putUnlessWritten(String sagaId, byte[] state) {
            write(sagaId, state, true);
        }

        private void write(String sagaId, byte[] state, boolean maybeWritten) {
            SnapshotEntry entry = SnapshotEntry.read(snapshots.get(sagaId));
            byte[] stored = entry.rider(saga);
            boolean written = maybeWritten && Arrays.equals(stored, state);
            // Its first step beside the snapshot (stored null, or written by the decider then) moves it there.
            if ((stored == null || written) && legacy.get(sagaId) != null) {
                legacy.delete(sagaId);
            }
            if (!written) {
                snapshots.put(sagaId, entry.withRider(saga, state).bytes());
            }
        }

        @Override
        void forEach(BiConsumer<String, byte[]> each) {
            try (KeyValueIterator<String, byte[]> all = snapshots.all()) {
                all.forEachRemaining(entry -> {
                    byte[] state = SnapshotEntry.read(entry.value).rider(saga);
                    if (state != null) {
                        each.accept(entry.key, state);
                    }
                });
            }
            try (KeyValueIterator<String, byte[]> all = legacy.all()) {
                all.forEachRemaining(entry -> each.accept(entry.key, entry.value));
            }
        }
    }
}
