package io.eventline.core.decider;

import io.eventline.core.envelope.Catalogue;
import io.eventline.core.kafka.AggregateTopics;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Everything the runtime needs to run one event-sourced aggregate: its name, its decider, the
 * catalogues of its commands and events, and its state's record type. Topic and store names derive
 * from the name, so that {@code accounts} reads {@code accounts.commands}, appends to
 * {@code accounts.events}, answers on {@code accounts.replies} and keeps {@code accounts-snapshots}
 * and {@code accounts-history} (and {@code accounts-entries} when it keeps {@link Entries}).
 *
 * @param entries what its state keeps per item, stored apart from the snapshot ({@link Entries#none()}
 *     when its state is bounded as it is)
 * @param summary what a reply says of the state after a command (the state without its entries is
 *     given): what callers need, not necessarily all of it
 */
public record Aggregate<C, S, E>(String name, Decider<C, S, E> decider, Catalogue<C> commands, Catalogue<E> events,
                                 Class<S> stateType, Entries<C, S, ?> entries, Function<? super S, ?> summary) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    public Aggregate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(decider, "decider");
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(stateType, "stateType");
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(summary, "summary");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: lower-case letters, digits and '-', was " + name);
        }
    }

    /** An aggregate with no entries, whose replies carry its whole state. */
    public Aggregate(String name, Decider<C, S, E> decider, Catalogue<C> commands, Catalogue<E> events,
                     Class<S> stateType) {
        this(name, decider, commands, events, stateType, Entries.none(), Function.identity());
    }

    public Aggregate<C, S, E> withEntries(Entries<C, S, ?> perItem) {
        return new Aggregate<>(name, decider, commands, events, stateType, perItem, summary);
    }

    public Aggregate<C, S, E> withSummary(Function<? super S, ?> replied) {
        return new Aggregate<>(name, decider, commands, events, stateType, entries, replied);
    }

    /** The same aggregate under another name (its own topics and stores). */
    public Aggregate<C, S, E> named(String newName) {
        return new Aggregate<>(newName, decider, commands, events, stateType, entries, summary);
    }

    /** Its commands, events and replies topics, named after it ({@link AggregateTopics}). */
    public AggregateTopics topics() {
        return AggregateTopics.of(name);
    }

    public String commandTopic() {
        return topics().commands().name();
    }

    public String eventTopic() {
        return topics().events().name();
    }

    public String replyTopic() {
        return topics().replies().name();
    }

    public String snapshotStore() {
        return name + "-snapshots";
    }

    public String historyStore() {
        return name + "-history";
    }

    /** Whether it keeps {@link Entries}, and so an entry store. */
    public boolean keepsEntries() {
        return entries.type() != Void.class;
    }

    public String entryStore() {
        return name + "-entries";
    }
}
