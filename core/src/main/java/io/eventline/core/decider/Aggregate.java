package io.eventline.core.decider;

import io.eventline.core.envelope.Catalogue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Everything the runtime needs to run one event-sourced aggregate: its name, its decider, the
 * catalogues of its commands and events, and its state's record type. Topic and store names derive
 * from the name, so that {@code accounts} reads {@code accounts.commands}, appends to
 * {@code accounts.events}, answers on {@code accounts.replies} and keeps {@code accounts-snapshots}
 * and {@code accounts-history}.
 */
public record Aggregate<C, S, E>(
        String name, Decider<C, S, E> decider, Catalogue<C> commands, Catalogue<E> events, Class<S> stateType) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    public Aggregate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(decider, "decider");
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(stateType, "stateType");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: lower-case letters, digits and '-', was " + name);
        }
    }

    public String commandTopic() {
        return name + ".commands";
    }

    public String eventTopic() {
        return name + ".events";
    }

    public String replyTopic() {
        return name + ".replies";
    }

    public String snapshotStore() {
        return name + "-snapshots";
    }

    public String historyStore() {
        return name + "-history";
    }
}
