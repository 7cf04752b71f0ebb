package io.eventline.core.decider;

import io.eventline.core.dlq.DeadLetterSink;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
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

    public static <C, S, E> void addTo(StreamsBuilder builder, Aggregate<C, S, E> aggregate) {
        addTo(builder, aggregate, CommandPreparer.none());
    }

    /**
     * @param preparer completes each command from local state before the decider sees it; global
     *     stores (a {@code GlobalKTable}'s) are readable without being named here
     */
    public static <C, S, E> void addTo(StreamsBuilder builder, Aggregate<C, S, E> aggregate,
                                       CommandPreparer<C> preparer) {
        addTo(builder, aggregate, preparer, List.of());
    }

    /**
     * @param inPlace commands from reactions in this application, keyed by the aggregate they are for
     *     and partitioned as the command topic ({@link io.eventline.core.reaction.ReactionTopology#inPlace}):
     *     decided in the task that read their event, without crossing the command topic
     */
    public static <C, S, E> void addTo(StreamsBuilder builder, Aggregate<C, S, E> aggregate,
                                       CommandPreparer<C> preparer, List<KStream<String, byte[]>> inPlace) {
        String name = aggregate.name();
        // The record cache merges the writes to one key between two commits into one changelog record:
        // under load an order's snapshot, written at each step, is logged once per commit, not per step.
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(aggregate.snapshotStore()), Serdes.String(), Serdes.ByteArray())
                .withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(aggregate.historyStore()), Serdes.String(), Serdes.ByteArray()));
        List<String> stores = new ArrayList<>(List.of(aggregate.snapshotStore(), aggregate.historyStore()));
        if (aggregate.keepsEntries()) {
            builder.addStateStore(Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(aggregate.entryStore()), Serdes.String(), Serdes.ByteArray())
                .withCachingEnabled());
            stores.add(aggregate.entryStore());
        }

        KStream<String, byte[]> commands = builder.stream(aggregate.commandTopic(),
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(name + "-commands"));
        for (int i = 0; i < inPlace.size(); i++) {
            commands = commands.merge(inPlace.get(i), Named.as(name + "-in-place-" + i));
        }
        KStream<String, Decided> decided = DeadLetterSink.route(commands
                .process(() -> new CommandProcessor<>(aggregate, preparer), Named.as(name + "-decide"),
                        stores.toArray(String[]::new)), name);

        Produced<String, byte[]> bytes = Produced.with(Serdes.String(), Serdes.ByteArray());
        decided.split(Named.as(name + "-route-"))
                .branch((key, value) -> value instanceof Decided.Event, Branched.withConsumer(events -> events
                        .mapValues(Decided::value, Named.as(name + "-event-bytes"))
                        .to(aggregate.eventTopic(), bytes.withName(name + "-events")), "events"))
                .defaultBranch(Branched.withConsumer(replies -> replies
                        // A reply goes where its command asked: the aggregate's reply topic, or a saga's.
                        .to((key, answer, context) -> ((Decided.Answer) answer).topic(),
                                Produced.with(Serdes.String(), DECIDED_BYTES).withName(name + "-replies")),
                        "replies"));
    }
}
