package io.eventline.core.reaction;

import io.eventline.core.decider.Aggregate;
import io.eventline.core.dlq.DeadLetterSink;
import io.eventline.core.envelope.Catalogue;
import io.eventline.core.kafka.Sources;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Choreography: {@code topic} → {@link Reaction} → the target aggregate's command topic, keyed by the
 * aggregate each command is for. Under exactly-once, reading the event and writing its commands
 * commit together: an event is reacted to once, even across crashes. An event the reaction cannot
 * read goes to the application's dead-letter topic (nodes {@code <name>-dead-letters}, {@code <name>-dlq}).
 * When the event's decider runs in the same application ({@link Sources#decidedHere}), the reaction
 * reacts in the decider's task to each event as it is written ({@link Sources#readAsWritten}): event
 * and commands commit together, and the commands are readable one commit sooner.
 *
 * {@snippet :
 * ReactionTopology.addTo(sources, "wallets-on-purchases", PurchaseContracts.TOPIC, PurchaseContracts.EVENTS,
 *         new ChargeReaction(), WalletsService.AGGREGATE);
 * }
 */
public final class ReactionTopology {
    private ReactionTopology() {
    }

    public static <E, C> void addTo(Sources sources, String name, String topic, Catalogue<E> events,
                                    Reaction<E, C> reaction, Aggregate<C, ?, ?> target) {
        addTo(sources, name, topic, events, (LookupReaction<E, C>) (event, lookups) -> reaction.react(event), target);
    }

    /**
     * A reaction that reads stores: global stores are readable as they are; other stores of the
     * service must be named in {@code stores} so that the processor is connected to them.
     *
     * @param name names the nodes ({@code <name>-source}, {@code <name>-react}, {@code <name>-commands}) */
    public static <E, C> void addTo(Sources sources, String name, String topic, Catalogue<E> events,
                                    LookupReaction<E, C> reaction, Aggregate<C, ?, ?> target, String... stores) {
        String source = name + "-source";
        if (stores.length > 0 || !sources.isDecidedHere(topic)) {
            add(sources, sources.stream(topic, source), name, events, reaction, target, null, stores);
            return;
        }
        // The event's decider runs in this application: react in its task, to each event as it is written,
        // so that the commands commit with their event, one commit sooner than through the topic. Only
        // without stores: a store would tie the decider's tasks to another part's.
        sources.readAsWritten(topic, source, asWritten -> add(sources, asWritten, name, events, reaction, target,
                topic));
    }

    /**
     * A reaction on a stream the caller already has: one of {@link Sources}', or one derived from it.
     *
     * @param sources the application's, for the part the reaction is added for ({@link Sources#part})
     */
    public static <E, C> void addTo(Sources sources, KStream<String, byte[]> source, String name,
                                    Catalogue<E> events, LookupReaction<E, C> reaction, Aggregate<C, ?, ?> target,
                                    String... stores) {
        add(sources, source, name, events, reaction, target, null, stores);
    }

    /** @param asWrittenFrom the event topic when {@code source} is its decider's output, else null */
    private static <E, C> void add(Sources sources, KStream<String, byte[]> source, String name, Catalogue<E> events,
                                   LookupReaction<E, C> reaction, Aggregate<C, ?, ?> target, String asWrittenFrom,
                                   String... stores) {
        String part = sources.part();
        DeadLetterSink.route(source.process(() -> new ReactionProcessor<>(name, events, reaction, target, false, part,
                                asWrittenFrom), Named.as(name + "-react"), stores), name)
                .to(target.commandTopic(), Produced.with(Serdes.String(), Serdes.ByteArray())
                        .withName(name + "-commands"));
    }

    /**
     * A reaction whose commands are each for the aggregate its event is keyed by: hand the returned
     * commands to {@link io.eventline.core.decider.DeciderTopology#addTo(Sources, Aggregate,
     * io.eventline.core.decider.CommandPreparer, List)}, which decides them in the same task, in the
     * same transaction as the event's offset, without a trip through the command topic: one hop
     * instead of two. The event topic must be partitioned as the command topic (same key, same count).
     * A command for another key is refused: the event goes to the dead-letter topic.
     */
    public static <E, C> KStream<String, byte[]> inPlace(Sources sources, KStream<String, byte[]> source,
                                                         String name, Catalogue<E> events,
                                                         LookupReaction<E, C> reaction, Aggregate<C, ?, ?> target,
                                                         String... stores) {
        return react(sources, source, name, events, reaction, target, null, stores);
    }

    /**
     * {@link #inPlace(Sources, KStream, String, Catalogue, LookupReaction, Aggregate, String...)} on the events
     * of {@code topic}, which {@code decide} hands on to the target's decider. When the event's decider runs
     * in this application ({@link Sources#decidedHere}), the reaction gets each event as it is written
     * ({@link Sources#readAsWritten}): the event, the command it causes and the target's events are decided
     * in one task and commit together, one commit sooner than through the event topic. Else it reads the
     * topic. {@code decide} is called now, or once the event's decider is added.
     */
    public static <E, C> void inPlace(Sources sources, String topic, String name, Catalogue<E> events,
                                      LookupReaction<E, C> reaction, Aggregate<C, ?, ?> target,
                                      Consumer<KStream<String, byte[]>> decide) {
        String asWrittenFrom = sources.isDecidedHere(topic) ? topic : null;
        sources.readAsWritten(topic, name + "-source", source -> decide.accept(
                react(sources, source, name, events, reaction, target, asWrittenFrom)));
    }

    /** The commands, each for its event's key, of a reaction decided in place. */
    private static <E, C> KStream<String, byte[]> react(Sources sources, KStream<String, byte[]> source,
                                                        String name, Catalogue<E> events,
                                                        LookupReaction<E, C> reaction, Aggregate<C, ?, ?> target,
                                                        String asWrittenFrom, String... stores) {
        String part = sources.part();
        return DeadLetterSink.route(source.process(
                () -> new ReactionProcessor<>(name, events, reaction, target, true, part, asWrittenFrom),
                Named.as(name + "-react"), stores), name);
    }

    /**
     * The id of the {@code index}-th command a reaction named {@code reaction} makes of the event
     * {@code causeEventId}: derived, so that the event's commands are the same whenever it is
     * processed. A command decided {@link #inPlace in place} is never written to a topic, so this is
     * also how a reader of the log ties the events it caused back to their cause.
     */
    public static String commandId(UUID causeEventId, String reaction, int index) {
        return UUID.nameUUIDFromBytes((causeEventId + "/" + reaction + "/" + index).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
