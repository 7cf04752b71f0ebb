package io.eventline.core.decider;

import io.eventline.core.dlq.DeadLetterSink;
import io.eventline.core.kafka.Sources;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The command side of an aggregate: {@code <name>.commands} → decide against
 * {@code <name>-snapshots} (and {@code <name>-entries}) → {@code <name>.events} and
 * {@code <name>.replies}; what is no command (or one this decider cannot read) → the application's
 * dead-letter topic. Every node and store is named, so that renaming one is a visible migration, not
 * an accident.
 */
public final class DeciderTopology {
    private static final Serde<Decided> DECIDED_BYTES = Serdes.serdeFrom(
            (topic, decided) -> decided == null ? null : decided.value(),
            (topic, bytes) -> {
                throw new UnsupportedOperationException("replies are written, never read, here");
            });

    private DeciderTopology() {
    }

    /** @return the aggregate's events as read back from its event topic: see the last overload */
    public static <C, S, E> KStream<String, byte[]> addTo(Sources sources, Aggregate<C, S, E> aggregate) {
        return addTo(sources, aggregate, CommandPreparer.none());
    }

    /**
     * @param preparer completes each command from local state before the decider sees it; global
     *     stores (a {@code GlobalKTable}'s) are readable without being named here
     */
    public static <C, S, E> KStream<String, byte[]> addTo(Sources sources, Aggregate<C, S, E> aggregate,
                                                          CommandPreparer<C> preparer) {
        return addTo(sources, aggregate, preparer, List.of());
    }

    /**
     * @param inPlace commands from reactions in this application, keyed by the aggregate they are for
     *     and partitioned as the command topic ({@link io.eventline.core.reaction.ReactionTopology#inPlace}):
     *     decided in the task that read their event, without crossing the command topic; with them, those
     *     other parts handed to {@code sources} for it ({@link Sources#decideInPlace})
     * @return the aggregate's events as read back from its event topic (committed), which this
     *     application now reads to build the history store: the stream {@code sources} gives every
     *     other part of the application that reads the topic
     */
    public static <C, S, E> KStream<String, byte[]> addTo(Sources sources, Aggregate<C, S, E> aggregate,
                                                          CommandPreparer<C> preparer,
                                                          List<KStream<String, byte[]>> inPlace) {
        keepHistory(sources, aggregate);
        StreamsBuilder builder = sources.builder();
        String name = aggregate.name();
        addSnapshotStore(sources, aggregate);
        List<String> stores = new ArrayList<>(List.of(aggregate.snapshotStore()));
        if (aggregate.keepsEntries()) {
            builder.addStateStore(Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(aggregate.entryStore()), Serdes.String(), Serdes.ByteArray())
                .withCachingEnabled());
            stores.add(aggregate.entryStore());
        }

        KStream<String, byte[]> commands = sources.stream(aggregate.commandTopic(), name + "-commands");
        List<KStream<String, byte[]>> decidedInPlace = new ArrayList<>(inPlace);
        decidedInPlace.addAll(sources.commandsInPlace(aggregate.commandTopic())); // parts of other services'
        for (int i = 0; i < decidedInPlace.size(); i++) {
            commands = commands.merge(decidedInPlace.get(i), Named.as(name + "-in-place-" + i));
        }
        String part = sources.part();
        KStream<String, Decided> decided = DeadLetterSink.route(commands
                .process(() -> new CommandProcessor<>(aggregate, preparer, part), Named.as(name + "-decide"),
                        stores.toArray(String[]::new)), name);

        Produced<String, byte[]> bytes = Produced.with(Serdes.String(), Serdes.ByteArray());
        decided.split(Named.as(name + "-route-"))
                .branch((key, value) -> value instanceof Decided.Event, Branched.withConsumer(events -> {
                    KStream<String, byte[]> written = events.mapValues(Decided::value, Named.as(name + "-event-bytes"));
                    written.to(aggregate.eventTopic(), bytes.withName(name + "-events"));
                    // Parts of this application that react to these events may do so here, as written.
                    sources.written(aggregate.eventTopic(), written);
                }, "events"))
                .defaultBranch(Branched.withConsumer(replies -> replies
                        // A reply goes where its command asked: the aggregate's reply topic, or a saga's.
                        .to((key, answer, context) -> ((Decided.Answer) answer).topic(),
                                Produced.with(Serdes.String(), DECIDED_BYTES).withName(name + "-replies")),
                        "replies"));
        return sources.stream(aggregate.eventTopic(), name + "-history-source");
    }

    /**
     * Adds the aggregate's snapshot store (once): {@link #addTo} does, and so does a part that keeps
     * state beside the snapshots and is built before it ({@code SagaTopology.inPlace}).
     */
    public static void addSnapshotStore(Sources sources, Aggregate<?, ?, ?> aggregate) {
        // Where the application keeps a record cache, it merges the writes to one key between two commits into
        // one changelog record. A service on a saga's path keeps none (StreamsSettings.onThePath): an aggregate
        // changes once a step, each step in another commit, and flushing the cache at a commit cost a round trip
        // per task. A saga riding in the entry hands its state to the decider, which writes both at once (Rider).
        sources.addStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(aggregate.snapshotStore()), Serdes.String(), Serdes.ByteArray())
                .withCachingEnabled());
    }

    /**
     * Declares the aggregate's event topic kept as its history table: an application that runs the
     * decider and other parts reading its events declares it before any of them reads them.
     */
    public static void keepHistory(Sources sources, Aggregate<?, ?, ?> aggregate) {
        sources.keepTable(aggregate.eventTopic(), builder -> history(builder, aggregate));
    }

    /**
     * The history store, as a table of the event topic ({@link HistoryStore}): with Kafka Streams'
     * {@code reuse.ktable.source.topics} ({@code StreamsSettings}) the topic is its changelog, so an
     * event is written once. No cache: it would merge an aggregate's events between two commits.
     */
    private static KStream<String, byte[]> history(StreamsBuilder builder, Aggregate<?, ?, ?> aggregate) {
        String name = aggregate.name();
        KTable<String, byte[]> events = builder.table(aggregate.eventTopic(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(name + "-history-source"),
                Materialized.<String, byte[]>as(HistoryStore.supplier(aggregate.historyStore()))
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray()).withCachingDisabled());
        return events.toStream(Named.as(name + "-events-read"));
    }
}
