package io.eventline.app.verify;

import io.eventline.core.reaction.ReactionTopology;
import io.eventline.core.saga.SagaTopology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Whether each event's {@code causationId} names a message the log holds. A decider's event names the
 * command it decided: one on a command topic (from the HTTP gateway, a reaction, the orchestrator),
 * or one decided in place, which no topic holds but whose id derives from the event that caused it
 * (see {@link ReactionTopology#commandId}) or from the saga that sent it ({@link SagaTopology#commandId}).
 * A state event (a customer) names itself.
 */
final class Causes {
    /** A reaction makes few commands of one event; in-place reactions make one. */
    private static final int COMMANDS_PER_EVENT = 4;
    /**
     * The most commands one saga run sends that are looked through for a cause: an order saga sends
     * about four a line (at most 100 lines) and a few more, plus its compensations and retries.
     */
    private static final int SAGA_COMMANDS = 1_024;

    private record Caused(Position at, UUID eventId, String aggregateId, String causationId) {
    }

    private final LogTopics topics;
    private final Set<String> eventIds = new HashSet<>();
    private final Set<String> commandIds = new HashSet<>();
    /** Ids of commands decided in place, derived from the events they react to: id → the topic of their events. */
    private final Map<String, String> inPlace = new HashMap<>();
    private final List<Caused> caused = new ArrayList<>();
    private boolean commandsComplete = true;
    /** Each event's kind of cause, in order, once asked for: a saga's in-place cause costs hashes to find. */
    private List<Kind> kinds;

    Causes(LogTopics topics) {
        this.topics = topics;
    }

    void event(Position at, UUID eventId, String aggregateId, String causationId) {
        eventIds.add(eventId.toString());
        caused.add(new Caused(at, eventId, aggregateId, causationId));
        kinds = null;
        for (LogTopics.InPlaceReaction reaction : topics.inPlace().getOrDefault(at.topic(), List.of())) {
            for (int i = 0; i < COMMANDS_PER_EVENT; i++) {
                inPlace.put(ReactionTopology.commandId(eventId, reaction.name(), i), reaction.target());
            }
        }
    }

    void command(String commandId) {
        commandIds.add(commandId);
        kinds = null;
    }

    /** Commands are kept for the cluster's retention, unlike events: older causes may be gone. */
    void commandsTruncated() {
        commandsComplete = false;
        kinds = null;
    }

    List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        List<Kind> known = kinds();
        for (int i = 0; i < caused.size(); i++) {
            Caused event = caused.get(i);
            if (known.get(i) == Kind.UNKNOWN) {
                violations.add(new Violation.UnknownCause(event.at(), event.eventId(), event.causationId()));
            }
        }
        return violations;
    }

    Causations counts() {
        Map<Kind, Long> byKind = new HashMap<>();
        kinds().forEach(kind -> byKind.merge(kind, 1L, Long::sum));
        return new Causations(byKind.getOrDefault(Kind.COMMAND, 0L), byKind.getOrDefault(Kind.IN_PLACE, 0L),
                byKind.getOrDefault(Kind.EVENT, 0L), byKind.getOrDefault(Kind.UNVERIFIABLE, 0L));
    }

    private enum Kind { COMMAND, IN_PLACE, EVENT, UNVERIFIABLE, UNKNOWN }

    private List<Kind> kinds() {
        if (kinds == null) {
            kinds = caused.stream().map(this::kind).toList();
        }
        return kinds;
    }

    private Kind kind(Caused event) {
        String cause = event.causationId();
        if (commandIds.contains(cause)) {
            return Kind.COMMAND;
        }
        if (event.at().topic().equals(inPlace.get(cause))) {
            return Kind.IN_PLACE;
        }
        if (eventIds.contains(cause)) {
            return Kind.EVENT;
        }
        if (!commandsComplete) {
            return Kind.UNVERIFIABLE; // not looked for among sagas' commands: a lost command may be anything
        }
        return sentInPlaceBySaga(event) ? Kind.IN_PLACE : Kind.UNKNOWN;
    }

    /**
     * Whether the cause is a command a saga decided in place for the event's aggregate, its own id: the
     * saga's command ids derive from its name, its id and the command's sequence in its run, looked
     * through from the first, so an order's few in-place events cost a few hashes each.
     */
    private boolean sentInPlaceBySaga(Caused event) {
        for (String saga : topics.sagasInPlace().getOrDefault(event.at().topic(), List.of())) {
            for (int sequence = 1; sequence <= SAGA_COMMANDS; sequence++) {
                if (SagaTopology.commandId(saga, event.aggregateId(), sequence).equals(event.causationId())) {
                    return true;
                }
            }
        }
        return false;
    }
}
