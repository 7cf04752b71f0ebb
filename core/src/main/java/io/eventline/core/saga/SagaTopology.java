package io.eventline.core.saga;

import io.eventline.core.decider.Aggregate;
import io.eventline.core.decider.DeciderTopology;
import io.eventline.core.dlq.DeadLetterSink;
import io.eventline.core.kafka.Sources;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.BranchedKStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * Orchestration: trigger topics and {@code <saga>.replies} → the saga → the command topics of the
 * aggregates it drives. Each command whose reply the saga awaits names {@code <saga>.replies} and the
 * saga id as its {@code replyTo}, so the reply comes back to the task holding the saga's state.
 *
 * <p>Nodes: {@code <saga>-replies-source}, {@code <saga>-<topic with '-' for '.'>-source} and
 * {@code -merge} per trigger topic, {@code <saga>-run}, {@code <saga>-commands}, and for what it cannot
 * read {@code <saga>-dead-letters}, {@code <saga>-dlq}, {@code <saga>-processed}; store
 * {@code <saga>-state} (persistent, changelogged), or in place the target's snapshot store ({@link #inPlace}).
 *
 * <p>Timeouts: a wall-clock punctuator, every {@code tickInterval}, ticks the sagas past their
 * deadline. The task keeps in memory the sagas awaiting replies and their deadlines, read from the
 * state store once by the first tick (a scan of every saga kept) and then updated with each change: a
 * tick costs in proportion to the sagas in flight, not to every saga ever run.
 *
 * <p>The reply topic must exist with the trigger topics' partition count (see {@link SagaTriggers}).
 *
 * {@snippet :
 * SagaTopology.addTo(sources, PurchaseSaga.definition(), PurchaseSaga.triggers());
 * }
 */
public final class SagaTopology {
    public static final Duration DEFAULT_TICK_INTERVAL = Duration.ofSeconds(1);

    private static final Serde<Outbound> OUTBOUND_BYTES = Serdes.serdeFrom(
            (topic, outbound) -> outbound == null ? null : outbound.value(),
            (topic, bytes) -> {
                throw new UnsupportedOperationException("commands are written, never read, here");
            });

    private SagaTopology() {
    }

    public static <D> void addTo(Sources sources, SagaDefinition<D> saga, SagaTriggers<D> triggers) {
        addTo(sources, saga, triggers, DEFAULT_TICK_INTERVAL);
    }

    /**
     * @param sources what the application reads: a trigger topic another part reads too (an
     *     aggregate's events that its {@code DeciderTopology} reads back) comes from there, once
     * @param tickInterval how often deadlines are checked: a timeout fires up to this late
     */
    public static <D> void addTo(Sources sources, SagaDefinition<D> saga, SagaTriggers<D> triggers,
                                 Duration tickInterval) {
        send(build(sources, saga, triggers, tickInterval, null, Set.of()), saga);
    }

    /**
     * The saga, with its commands for its own key to {@code target} decided in its task: hand the
     * returned commands to {@link DeciderTopology#addTo(Sources, Aggregate, io.eventline.core.decider.CommandPreparer,
     * java.util.List)}, which decides them in the same transaction as the input that caused them, without a trip
     * through the command topic: one hop fewer, and no command record. The saga must be keyed as the
     * target (its id the aggregate's id: a purchase saga and its purchase), its inputs partitioned as the
     * target's command topic. Other commands, to other aggregates or to other ids of the target, cross
     * their command topics as {@link #addTo} sends them. The saga's states ride beside the target's
     * snapshots, under the same key ({@code io.eventline.core.decider.SnapshotEntry}): a step and the
     * command it decides in place are one changelog record, not two; read them with
     * {@link SagaQueries#hosted}. Its {@code <saga>-state} store stays, for the sagas an earlier version
     * kept there. Declares the target's history
     * ({@link DeciderTopology#keepHistory}): a saga started by the target's own events reads them
     * through that table.
     */
    public static <D> KStream<String, byte[]> inPlace(Sources sources, SagaDefinition<D> saga, SagaTriggers<D> triggers,
                                                      Aggregate<?, ?, ?> target) {
        return inPlace(sources, saga, triggers, target, List.of());
    }

    /**
     * {@link #inPlace(Sources, SagaDefinition, SagaTriggers, Aggregate)}, and the commands for the saga's own
     * key to each of {@code alsoInPlace} (command topics of other aggregates keyed as the saga, partitioned
     * as its inputs) decided in its task too, when their decider runs in this application and is added
     * after the saga ({@link Sources#decideInPlace}): one hop fewer each; else they cross their topic.
     * Their replies come back through the saga's reply topic, as from any other step.
     */
    public static <D> KStream<String, byte[]> inPlace(Sources sources, SagaDefinition<D> saga, SagaTriggers<D> triggers,
                                                      Aggregate<?, ?, ?> target, List<String> alsoInPlace) {
        DeciderTopology.keepHistory(sources, target);
        DeciderTopology.addSnapshotStore(sources, target); // the saga's states ride there: SagaStore
        List<String> others = alsoInPlace.stream().filter(sources::canDecideInPlace).toList();
        Set<String> inPlace = new LinkedHashSet<>(List.of(target.commandTopic()));
        inPlace.addAll(others);
        BranchedKStream<String, Outbound> branches = build(sources, saga, triggers, DEFAULT_TICK_INTERVAL,
                target, inPlace)
                .split(Named.as(saga.name() + "-route-"))
                .branch((key, outbound) -> outbound.inPlace() && outbound.topic().equals(target.commandTopic()),
                        Branched.as("in-place"));
        for (String topic : others) {
            branches = branches.branch((key, outbound) -> outbound.inPlace() && outbound.topic().equals(topic),
                    Branched.as("in-place-" + topic.replace('.', '-')));
        }
        Map<String, KStream<String, Outbound>> routes = branches.defaultBranch(Branched.as("sent"));
        send(routes.get(saga.name() + "-route-sent"), saga);
        for (String topic : others) {
            String node = saga.name() + "-route-in-place-" + topic.replace('.', '-');
            sources.decideInPlace(topic, routes.get(node).mapValues(Outbound::value, Named.as(node + "-commands")));
        }
        return routes.get(saga.name() + "-route-in-place")
                .mapValues(Outbound::value, Named.as(saga.name() + "-in-place-commands"));
    }

    /**
     * The id of the {@code sequence}-th command (from 1) the saga {@code saga} sent in its run
     * {@code sagaId}: derived, so that a replayed input sends the same commands. A command decided
     * {@link #inPlace in place} is never written to a topic, so this is also how a reader of the log
     * ties the events it caused back to their cause.
     */
    public static String commandId(String saga, String sagaId, long sequence) {
        return UUID.nameUUIDFromBytes((saga + "/" + sagaId + "/" + sequence).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** Each command to its aggregate's command topic, keyed by the aggregate id. */
    private static void send(KStream<String, Outbound> commands, SagaDefinition<?> saga) {
        commands.to((key, outbound, context) -> outbound.topic(),
                Produced.with(Serdes.String(), OUTBOUND_BYTES).withName(saga.name() + "-commands"));
    }

    /** @param inPlace the command topics whose commands for the saga's own key are decided in its task */
    private static <D> KStream<String, Outbound> build(Sources sources, SagaDefinition<D> saga,
                                                       SagaTriggers<D> triggers, Duration tickInterval,
                                                       Aggregate<?, ?, ?> target, Set<String> inPlace) {
        Objects.requireNonNull(saga, "saga");
        if (triggers.topics().isEmpty()) {
            throw new IllegalArgumentException(saga.name() + ": no topic starts the saga: give SagaTriggers.startOn");
        }
        if (tickInterval.isNegative() || tickInterval.isZero()) {
            throw new IllegalArgumentException(saga.name() + ": tickInterval must be positive, was " + tickInterval);
        }
        String name = saga.name();
        sources.builder().addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(saga.stateStore()), Serdes.String(), Serdes.ByteArray())
                .withCachingEnabled());

        KStream<String, byte[]> inputs = sources.stream(saga.replyTopic(), name + "-replies-source");
        for (String topic : triggers.topics()) {
            // One source per topic, even when it both starts and aborts: one read, in order.
            String node = name + "-" + topic.replace('.', '-');
            inputs = inputs.merge(sources.stream(topic, node + "-source"), Named.as(node + "-merge"));
        }
        // Each command goes to its aggregate's command topic (or its decider, in place), keyed by the
        // aggregate id.
        // In place, the states ride beside the target's snapshots (SagaStore).
        String[] stores = target == null ? new String[] {saga.stateStore()}
                : new String[] {saga.stateStore(), target.snapshotStore()};
        String part = sources.part();
        return DeadLetterSink.route(inputs.process(() -> new SagaProcessor<>(saga, triggers, tickInterval, target, inPlace, part),
                Named.as(name + "-run"), stores), name);
    }
}
