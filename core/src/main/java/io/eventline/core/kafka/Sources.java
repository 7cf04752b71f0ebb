package io.eventline.core.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
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
 *
 * <p>An event topic whose decider runs in the application ({@link #decidedHere}) can feed its readers
 * the events as the decider writes them, in the decider's task ({@link #readAsWritten}): a reaction's
 * commands then leave in the transaction that wrote their event, instead of one commit later.
 */
public final class Sources {
    private final StreamsBuilder builder;
    private final Map<String, Function<StreamsBuilder, KStream<String, byte[]>>> tables;
    private final Map<String, KStream<String, byte[]>> streams;
    private final Map<String, String> globalStores;
    private final Set<String> stores;
    private final Map<String, AsWritten> asWritten;
    private final Map<String, InPlace> inPlace;
    private final String part;

    public Sources(StreamsBuilder builder) {
        this(builder, new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashSet<>(), new HashMap<>(),
                new HashMap<>(), null);
    }

    private Sources(StreamsBuilder builder, Map<String, Function<StreamsBuilder, KStream<String, byte[]>>> tables,
                    Map<String, KStream<String, byte[]>> streams, Map<String, String> globalStores,
                    Set<String> stores, Map<String, AsWritten> asWritten, Map<String, InPlace> inPlace, String part) {
        this.builder = Objects.requireNonNull(builder, "builder");
        this.tables = tables;
        this.streams = streams;
        this.globalStores = globalStores;
        this.stores = stores;
        this.asWritten = asWritten;
        this.inPlace = inPlace;
        this.part = part;
    }

    /** Commands another part decides in place for a command topic's decider: handed over until it is added. */
    private static final class InPlace {
        private final List<KStream<String, byte[]>> commands = new ArrayList<>();
        private boolean deciderAdded;
    }

    /** An event topic's events as its decider writes them: known once the decider is added; readers until then. */
    private static final class AsWritten {
        private KStream<String, byte[]> events;
        private final List<Consumer<KStream<String, byte[]>>> waiting = new ArrayList<>();
    }

    /**
     * The same sources, for the part of the service {@code service}: what it reads is shared with every
     * other part, and its processors name {@code service} ({@link #part}).
     */
    public Sources forPart(String service) {
        return new Sources(builder, tables, streams, globalStores, stores, asWritten, inPlace,
                Objects.requireNonNull(service, "service"));
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
     * {@code sourceName} (the first reader's name names the shared source); each record reported to
     * {@link CommitWhenIdle} as it enters ({@link ReadReport}).
     */
    public KStream<String, byte[]> stream(String topic, String sourceName) {
        KStream<String, byte[]> read = streams.get(topic);
        if (read == null) {
            read = (tables.containsKey(topic) ? tables.get(topic).apply(builder)
                    : builder.stream(topic, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(sourceName)))
                    .processValues(ReadReport::new, Named.as(readReport(topic)));
            streams.put(topic, read);
        }
        return read;
    }

    /** The node every record read from {@code topic} enters first ({@link ReadReport}). */
    static String readReport(String topic) {
        return topic.replace('.', '-') + "-read-report";
    }

    /**
     * Declares that the decider writing {@code eventTopic} runs in this application, so that
     * {@link #readAsWritten} readers of the topic get its events as written, whichever part is added
     * first: declared before any part is added.
     */
    public void decidedHere(String eventTopic) {
        asWritten.putIfAbsent(eventTopic, new AsWritten());
    }

    /** Whether {@code topic}'s decider runs in this application ({@link #decidedHere}). */
    public boolean isDecidedHere(String topic) {
        return asWritten.containsKey(topic);
    }

    /**
     * Hands {@code reader} the events of {@code topic}: as its decider writes them, in the decider's task
     * and transaction, when the decider runs in this application ({@link #decidedHere}; now, or once it
     * is added); else the topic's one stream ({@link #stream}). A reader fed so never reads the topic: it
     * sees each event once, before it is committed, and commits what it writes with it.
     */
    public void readAsWritten(String topic, String sourceName, Consumer<KStream<String, byte[]>> reader) {
        AsWritten written = asWritten.get(topic);
        if (written == null) {
            reader.accept(stream(topic, sourceName));
        } else if (written.events != null) {
            reader.accept(written.events);
        } else {
            written.waiting.add(reader);
        }
    }

    /**
     * The decider of {@code eventTopic} tells what it writes there: the readers waiting for it are fed.
     * Ignored when the topic was not declared {@link #decidedHere}.
     */
    public void written(String eventTopic, KStream<String, byte[]> events) {
        AsWritten written = asWritten.get(eventTopic);
        if (written != null && written.events == null) {
            written.events = events;
            written.waiting.forEach(reader -> reader.accept(events));
            written.waiting.clear();
        }
    }

    /**
     * Declares that the decider reading {@code commandTopic} runs in this application, so that a part
     * added before it may hand it commands to decide in place ({@link #decideInPlace}): declared before any
     * part is added.
     */
    public void commandsDecidedHere(String commandTopic) {
        inPlace.putIfAbsent(commandTopic, new InPlace());
    }

    /** Whether {@code commandTopic}'s decider runs in this application, not added yet ({@link #commandsDecidedHere}). */
    public boolean canDecideInPlace(String commandTopic) {
        InPlace commands = inPlace.get(commandTopic);
        return commands != null && !commands.deciderAdded;
    }

    /**
     * Hands {@code commands}, each keyed by the aggregate it is for and partitioned as {@code commandTopic},
     * to that topic's decider, which decides them in the task that wrote them, as if read from the topic.
     *
     * @throws IllegalStateException unless {@link #canDecideInPlace}: the commands would never be decided
     */
    public void decideInPlace(String commandTopic, KStream<String, byte[]> commands) {
        if (!canDecideInPlace(commandTopic)) {
            throw new IllegalStateException(commandTopic + "'s decider is not to be added to this application (or is"
                    + " already): its commands cannot be decided in place");
        }
        inPlace.get(commandTopic).commands.add(commands);
    }

    /**
     * The commands other parts decide in place for {@code commandTopic} ({@link #decideInPlace}), asked for
     * by its decider as it is added: none may be handed over afterwards.
     */
    public List<KStream<String, byte[]>> commandsInPlace(String commandTopic) {
        InPlace commands = inPlace.computeIfAbsent(commandTopic, topic -> new InPlace());
        commands.deciderAdded = true;
        return List.copyOf(commands.commands);
    }

    /**
     * @throws IllegalStateException when a topic declared {@link #decidedHere} has readers waiting for a
     *     decider that was never added (they would read nothing), or commands were handed to a decider
     *     that was never added (they would never be decided)
     */
    public void requireDecidersAdded() {
        asWritten.forEach((topic, written) -> {
            if (written.events == null && !written.waiting.isEmpty()) {
                throw new IllegalStateException(topic + " was declared decided in this application, but no decider"
                        + " of it was added: " + written.waiting.size() + " reader(s) would read nothing");
            }
        });
        inPlace.forEach((topic, commands) -> {
            if (!commands.deciderAdded && !commands.commands.isEmpty()) {
                throw new IllegalStateException(topic + " was declared decided in this application, but no decider"
                        + " of it was added: commands handed to it in place would never be decided");
            }
        });
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
