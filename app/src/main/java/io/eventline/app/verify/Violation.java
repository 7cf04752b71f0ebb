package io.eventline.app.verify;

import java.util.UUID;

/**
 * One way the log breaks exactly-once, found by the {@link LogCheck}: each names the record where a
 * person should look first, and says in one line what is wrong.
 */
public sealed interface Violation {
    /** The record to look at first. */
    Position at();

    /** The kind, a short stable name: the summary counts violations by it. */
    String kind();

    /** What is wrong, in one line. */
    String detail();

    /** The same event id twice in the log: an event appended twice (its id derives from its command's). */
    record DuplicateEventId(Position at, UUID eventId, Position first) implements Violation {
        public String kind() {
            return "duplicate-event-id";
        }

        public String detail() {
            return "event " + eventId + " again, first at " + first;
        }
    }

    /**
     * An event keyed by another id than its aggregate's, or an aggregate whose events are on two
     * partitions: its events then have no order, so no version can be told from the log.
     */
    record MisplacedEvent(Position at, String aggregateId, String why) implements Violation {
        public String kind() {
            return "misplaced-event";
        }

        public String detail() {
            return "aggregate " + aggregateId + ": " + why;
        }
    }

    /**
     * An aggregate's events in the log (versions 1..n, one per event) do not reach the version its
     * snapshot shows: an event lost (fewer) or one too many (more).
     */
    record VersionMismatch(Position at, String aggregateId, long inLog, long inSnapshot) implements Violation {
        public String kind() {
            return "version-mismatch";
        }

        public String detail() {
            return "aggregate " + aggregateId + ": versions 1.." + inLog + " in the log, " + inSnapshot
                    + " in its snapshot";
        }
    }

    /** Events of an order that was never placed. */
    record NoPlacement(Position at, String orderId) implements Violation {
        public String kind() {
            return "no-order-placed";
        }

        public String detail() {
            return "order " + orderId + " has events but no order.placed";
        }
    }

    /** An effect that may happen once per order (per sku for stock) happened again. */
    record RepeatedEffect(Position at, String orderId, String eventType, String sku, Position first)
            implements Violation {
        public String kind() {
            return "repeated-effect";
        }

        public String detail() {
            return "order " + orderId + (sku == null ? "" : " sku " + sku) + ": " + eventType + " again, first at "
                    + first;
        }
    }

    /** A second terminal event (shipped or cancelled) for one order. */
    record TwoOutcomes(Position at, String orderId, String first, String again) implements Violation {
        public String kind() {
            return "two-outcomes";
        }

        public String detail() {
            return "order " + orderId + " ended twice: " + first + ", then " + again;
        }
    }

    /** At rest, an order placed and never ended. */
    record Unfinished(Position at, String orderId) implements Violation {
        public String kind() {
            return "unfinished-order";
        }

        public String detail() {
            return "order " + orderId + " has no terminal event, and the platform was said to be at rest";
        }
    }

    /** At rest, an order that ended and was never notified. */
    record Unnotified(Position at, String orderId) implements Violation {
        public String kind() {
            return "no-notification";
        }

        public String detail() {
            return "order " + orderId + " ended but has no notification.sent, and the platform was said to be at rest";
        }
    }

    /** An event whose causationId names no event and no command the log holds. */
    record UnknownCause(Position at, UUID eventId, String causationId) implements Violation {
        public String kind() {
            return "unknown-cause";
        }

        public String detail() {
            return "event " + eventId + " was caused by " + causationId + ", which is no event or command in the log";
        }
    }

    /**
     * A record read {@code read_committed} that the log, read {@code read_uncommitted}, does not hold
     * at that position: the committed view is then no filter of the log, and may show records of
     * aborted transactions.
     */
    record AbortedRecordVisible(Position at) implements Violation {
        public String kind() {
            return "aborted-record-visible";
        }

        public String detail() {
            return "read_committed returned a record that read_uncommitted does not hold there";
        }
    }

    /**
     * An event its type and version's published JSON Schema refuses (docs/schemas): a consumer that
     * validates against it would refuse the event too.
     */
    record SchemaViolation(Position at, String eventType, int version, String errors) implements Violation {
        public String kind() {
            return "schema-violation";
        }

        public String detail() {
            return eventType + " v" + version + " breaks its schema: " + errors;
        }
    }
}
