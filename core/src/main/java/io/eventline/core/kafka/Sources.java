package io.eventline.core.kafka;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * What one Kafka Streams application reads, each topic once. A topology may subscribe to a topic
 * once only: a table and a stream of one topic, two global tables of it, or two overlapping
 * multi-topic sources fail to build. So every part of an application asks here for the topics it
 * reads and shares the one source; parts of several services then compose into one application.
 *
 * <p>A topic kept as a table ({@link #keepTable}: an aggregate's event topic, the changelog of its
 * history store) is read through that table by every part: each record as the table forwards it.
 * Not thread-safe: a topology is built on one thread.
 *
 * <p>Each service's part is added through {@link #forPart}: its processors then name that service in
 * their traces and metrics, not the application, which may compose several services.
 */
public final class Sources {
    private final StreamsBuilder builder;
    private final Map<String, Function<StreamsBuilder, KStream<String, byte[]>>> tables;
    private final Map<String, KStream<String, byte[]>> streams;
    private final Map<String, String> globalStores;
    private final Set<String> stores;
    private final String part;

    public Sources(StreamsBuilder builder) {
        this(builder, new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashSet<>(), null);
    }

    private Sources(StreamsBuilder builder, Map<String, Function<StreamsBuilder, KStream<String, byte[]>>> tables,
                    Map<String, KStream<String, byte[]>> streams, Map<String, String> globalStores,
                    Set<String> stores, String part) {
        this.builder = Objects.requireNonNull(builder, "builder");
        this.tables = tables;
        this.streams = streams;
        this.globalStores = globalStores;
        this.stores = stores;
        this.part = part;
    }

    /**
     * The same sources, for the part of the service {@code service}: what it reads is shared with every
     * other part, and its processors name {@code service} ({@link #part}).
     */
    public Sources forPart(String service) {
        return new Sources(builder, tables, streams, globalStores, stores, Objects.requireNonNull(service, "service"));
    }

    /**
     * The service whose part is being added, or null when the application is one service's (its
     * processors then name the service after the application id: {@link StreamsSettings#service}).
     */
    public String part() {
        return part;
    }

    /** For what is no source: state stores, sinks. */
    public StreamsBuilder builder() {
        return builder;
    }

    /**
     * Adds a state store, once: two parts sharing a store (a saga whose states ride in an aggregate's
     * snapshot store) each declare it, the first one that is built adds it, and a store is added
     * before the first processor that uses it.
     */
    public void addStore(StoreBuilder<?> store) {
        if (stores.add(store.name())) {
            builder.addStateStore(store);
        }
    }

    /**
     * Declares that {@code topic} is kept as a table, read by {@code read}: every stream of the topic
     * asked for afterwards is the one {@code read} returns. Declared once; later declarations of the
     * same topic are ignored, so a part may declare what the application already declared for it.
     *
     * @throws IllegalStateException when the topic was already handed out as a plain stream: the
     *     application must declare its tables before its parts read their topics
     */
    public void keepTable(String topic, Function<StreamsBuilder, KStream<String, byte[]>> read) {
        if (tables.containsKey(topic)) {
            return;
        }
        if (streams.containsKey(topic)) {
            throw new IllegalStateException(topic + " is already read as a stream: declare that it is kept as a"
                    + " table before any part reads it");
        }
        tables.put(topic, read);
    }

    /**
     * The topic's one stream: through its table when it is kept as one, else a source named
     * {@code sourceName} (the first reader's name names the shared source).
     */
    public KStream<String, byte[]> stream(String topic, String sourceName) {
        KStream<String, byte[]> read = streams.get(topic);
        if (read == null) {
            read = tables.containsKey(topic) ? tables.get(topic).apply(builder)
                    : builder.stream(topic, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(sourceName));
            streams.put(topic, read);
        }
        return read;
    }

    /**
     * A copy of the whole topic in every instance, as a global store named {@code store}; asked for
     * again, the same copy (under the first name: every part reading it must use one name).
     *
     * @throws IllegalArgumentException when another part already keeps the topic under another name
     */
    public void globalTable(String topic, String store) {
        String kept = globalStores.get(topic);
        if (kept == null) {
            builder.globalTable(topic, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(store),
                    Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(store)
                            .withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray()));
            globalStores.put(topic, store);
        } else if (!kept.equals(store)) {
            throw new IllegalArgumentException(topic + " is already copied to every instance as " + kept
                    + ", not " + store + ": read that store");
        }
    }
}
