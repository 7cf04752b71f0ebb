package io.eventline.core.projection;

import io.eventline.core.dlq.DeadLetterSink;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * One version of a projection: its topics → (re-key) → fold into {@code <name>-v<N>} (and its index,
 * {@code <name>-v<N>-index}, when it has one); what it cannot
 * read → the dead-letter topic (node {@code <name>-v<N>-dlq}). When re-keyed, a dead letter's
 * coordinates are those of the repartition topic it was read from.
 */
public final class ProjectionTopology {
    private ProjectionTopology() {
    }

    public static <V> void addTo(StreamsBuilder builder, Projection<V> projection, int version) {
        addTo(builder, projection, version, new ViewChanges());
    }

    /** @param changes told of every view written, for the readers waiting on one */
    static <V> void addTo(StreamsBuilder builder, Projection<V> projection, int version, ViewChanges changes) {
        String store = projection.store(version);
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(store), Serdes.String(), Serdes.ByteArray())
                .withCachingEnabled());
        KStream<String, byte[]> events = builder.stream(projection.topics(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(store + "-source"));
        if (projection.rekey()) {
            events = events
                    .selectKey((key, value) -> ViewKeys.of(projection, value).orElse(key), Named.as(store + "-key"))
                    .repartition(Repartitioned.<String, byte[]>as(store + "-by-key")
                            .withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray()));
        }
        String[] stores = {store};
        if (projection.index().isPresent()) {
            // Not changelogged: it is derived from the views, and rebuilt from them whenever its task
            // starts (IndexWriter). Logged, its entries moving at every change of a view would write two
            // changelog records per list per change, more than the view's own.
            // Nor cached: every move writes a key never written before and a tombstone for one written
            // a change ago, so the record cache merged little, filled with them between two commits, and
            // each eviction of a dirty entry flushed all of them; without it a move is two RocksDB
            // writes, and the orders view's thread took a third less CPU an order (docs/performance.md).
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(
                    projection.indexStore(version)), Serdes.String(), Serdes.ByteArray()).withCachingDisabled()
                    .withLoggingDisabled());
            stores = new String[] {store, projection.indexStore(version)};
        }
        DeadLetterSink.sink(
                events.process(() -> new ProjectionProcessor<>(projection, store, changes), Named.as(store + "-fold"),
                        stores),
                store);
    }
}
