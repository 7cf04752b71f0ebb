package io.eventline.core.dlq;

import io.eventline.core.decider.Aggregate;
import io.eventline.core.decider.CommandEnvelope;
import io.eventline.core.decider.Decider;
import io.eventline.core.envelope.Catalogue;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.EventMetadata;
import io.eventline.core.envelope.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A tiny aggregate, and the events of a "bells" topic it reacts to (each ring adds one), for
 * dead-letter tests; plus the bad records of every kind to feed them.
 */
final class Tallies {
    sealed interface TallyCommand permits Add {
    }

    record Add(int by) implements TallyCommand {
        Add {
            if (by < 1) {
                throw new IllegalArgumentException("by: at least 1");
            }
        }
    }

    sealed interface TallyEvent permits Added {
    }

    record Added(int by) implements TallyEvent {
    }

    record Tally(int value) {
    }

    sealed interface BellEvent permits Rang {
    }

    record Rang(String tallyId) implements BellEvent {
    }

    static final Catalogue<BellEvent> BELLS = Catalogue.of(BellEvent.class).add("bell.rang", Rang.class).build();
    static final String BELL_TOPIC = "bells.events";
    /** Adding this many throws in the decider: an unexpected failure, for Kafka Streams' own handler. */
    static final int UNLUCKY = 13;

    static final Aggregate<TallyCommand, Tally, TallyEvent> AGGREGATE = new Aggregate<>("tallies",
            new Decider<>() {
                @Override
                public Tally initialState() {
                    return new Tally(0);
                }

                @Override
                public List<TallyEvent> decide(TallyCommand command, Tally tally) {
                    return switch (command) {
                        case Add add when add.by() == UNLUCKY -> throw new IllegalStateException("a bug met " + UNLUCKY);
                        case Add add -> List.of(new Added(add.by()));
                    };
                }

                @Override
                public Tally evolve(Tally tally, TallyEvent event) {
                    return switch (event) {
                        case Added added -> new Tally(tally.value() + added.by());
                    };
                }
            },
            Catalogue.of(TallyCommand.class).add("tally.add", Add.class).build(),
            Catalogue.of(TallyEvent.class).add("tally.added", Added.class).build(),
            Tally.class);

    /** The kinds of bad record, each with the reason it must be dead-lettered for. */
    enum Bad {
        GARBAGE(DeadLetterReason.UNREADABLE),
        UNKNOWN_TYPE(DeadLetterReason.UNKNOWN_TYPE),
        FUTURE_VERSION(DeadLetterReason.UNSUPPORTED_VERSION),
        DATA_THAT_DOES_NOT_FIT(DeadLetterReason.MALFORMED_DATA);

        final DeadLetterReason reason;

        Bad(DeadLetterReason reason) {
            this.reason = reason;
        }

        /** A bad command for tally {@code id}. */
        byte[] command(String id) {
            return switch (this) {
                case GARBAGE -> new byte[] {(byte) 0xC3, 0x28, 'n', 'o', 't', ' ', 'j', 's', 'o', 'n'};
                case UNKNOWN_TYPE -> commandOf(id, "tally.reset", 1, "{}");
                case FUTURE_VERSION -> commandOf(id, "tally.add", 99, "{\"by\":1}");
                case DATA_THAT_DOES_NOT_FIT -> commandOf(id, "tally.add", 1, "{\"by\":\"many\"}");
            };
        }

        /** A bad event on the bells topic. */
        byte[] event(String tallyId) {
            return switch (this) {
                case GARBAGE -> "garbage".getBytes(StandardCharsets.UTF_8);
                case UNKNOWN_TYPE -> eventOf("bell.melted", 1, "{\"tallyId\":\"" + tallyId + "\"}");
                case FUTURE_VERSION -> eventOf("bell.rang", 99, "{\"tallyId\":\"" + tallyId + "\"}");
                case DATA_THAT_DOES_NOT_FIT -> eventOf("bell.rang", 1, "{\"tallyId\":[1,2]}");
            };
        }
    }

    static byte[] add(String commandId, String id, int by) {
        return Json.write(new CommandEnvelope(commandId, "tally.add", 1, id, Json.mapper().valueToTree(new Add(by)),
                new EventMetadata("corr-" + commandId, commandId, "test")));
    }

    static byte[] rang(String tallyId) {
        return EnvelopeCodec.toBytes(new EventEnvelope(UUID.randomUUID(), "bell.rang", 1, Instant.EPOCH, tallyId,
                BELLS.encode(new Rang(tallyId)), new EventMetadata("corr", "cause", "bells")));
    }

    private static byte[] commandOf(String id, String type, int version, String data) {
        return ("{\"commandId\":\"bad-" + type + "-" + version + "\",\"commandType\":\"" + type + "\",\"version\":"
                + version + ",\"aggregateId\":\"" + id + "\",\"data\":" + data + ",\"metadata\":{\"correlationId\":"
                + "\"c\",\"causationId\":\"c\",\"source\":\"test\"}}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] eventOf(String type, int version, String data) {
        return ("{\"eventId\":\"" + UUID.randomUUID() + "\",\"eventType\":\"" + type + "\",\"version\":" + version
                + ",\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"aggregateId\":\"a\",\"data\":" + data
                + ",\"metadata\":{\"correlationId\":\"c\",\"causationId\":\"c\",\"source\":\"bells\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private Tallies() {
    }
}
