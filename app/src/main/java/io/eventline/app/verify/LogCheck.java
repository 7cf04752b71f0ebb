package io.eventline.app.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.contracts.Money;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.Json;
import io.eventline.core.envelope.MalformedEnvelopeException;
import io.eventline.core.envelope.MalformedMessageException;
import io.eventline.core.envelope.UnknownMessageTypeException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Checks a log for what exactly-once promises, record by record as read, then as a whole in
 * {@link #verdict}: no I/O, so that each check runs on a hand-built log as well as on Kafka's.
 * Records of one partition must come in offset order. Not thread-safe.
 */
public final class LogCheck {
    private final LogTopics topics;
    private final Map<UUID, Position> eventIds = new HashMap<>();
    private final List<Violation> duplicates = new ArrayList<>();
    private final AggregateVersions versions = new AggregateVersions();
    private final OrderLedger orders = new OrderLedger();
    private final Causes causes;
    private final CommittedView view = new CommittedView();
    private final EventSchemaCheck schemas = new EventSchemaCheck();
    private final List<Violation> schemaViolations = new ArrayList<>();
    private final Map<String, Long> records = new TreeMap<>();
    private final Map<String, List<Money>> deposits = new TreeMap<>();
    private final Map<String, List<Integer>> stockAdded = new TreeMap<>();
    private long unreadable;

    public LogCheck(LogTopics topics) {
        this.topics = topics;
        this.causes = new Causes(topics);
        topics.all().forEach(topic -> records.put(topic, 0L)); // an empty topic is read too, and shown
    }

    /** A record read {@code read_committed}, from any of the topics. */
    public void committed(LoggedRecord record) {
        records.merge(record.position().topic(), 1L, Long::sum);
        view.committed(record);
        if (record.value() == null) {
            return; // a tombstone: a deleted customer, no event
        }
        if (topics.isCommands(record.position().topic())) {
            command(record);
        } else {
            event(record);
        }
    }

    /** A record read {@code read_uncommitted}, up to the same end offsets. */
    public void uncommitted(LoggedRecord record) {
        view.uncommitted(record);
    }

    /** A command topic's partition no longer starts at offset 0: some causes may be gone. */
    public void commandsTruncated() {
        causes.commandsTruncated();
    }

    private void command(LoggedRecord record) {
        try {
            JsonNode command = Json.readTree(record.value());
            if (command.path("commandId").isTextual()) {
                causes.command(command.get("commandId").textValue());
                return;
            }
        } catch (IOException e) {
            // counted below: an unreadable command is dead-lettered by its decider
        }
        unreadable++;
    }

    private void event(LoggedRecord record) {
        Position at = record.position();
        JsonNode value;
        EventEnvelope envelope;
        try {
            value = Json.readTree(record.value()); // parsed once: for the envelope and for its schema
            envelope = EnvelopeCodec.fromTree(value);
        } catch (IOException | MalformedEnvelopeException e) {
            unreadable++; // its readers dead-letter it; nothing in it can be checked
            return;
        }
        schemas.violation(value).ifPresent(errors -> schemaViolations.add(
                new Violation.SchemaViolation(at, envelope.eventType(), envelope.version(), errors)));
        Position first = eventIds.putIfAbsent(envelope.eventId(), at);
        if (first != null) {
            // Counted once, here: fed on, the repeat would also show as a version and an effect too many.
            duplicates.add(new Violation.DuplicateEventId(at, envelope.eventId(), first));
            return;
        }
        if (topics.isVersioned(at.topic())) {
            versions.add(at, record.key(), envelope.aggregateId());
        }
        causes.event(at, envelope.eventId(), envelope.aggregateId(), envelope.metadata().causationId());
        Fact fact;
        try {
            fact = Facts.of(at.topic(), envelope);
        } catch (UnknownMessageTypeException | MalformedMessageException e) {
            unreadable++;
            return;
        }
        switch (fact) {
            case Fact.ForOrder order -> orders.add(at, order);
            case Fact.Deposit deposit -> deposits.computeIfAbsent(deposit.customerId(), c -> new ArrayList<>())
                    .add(deposit.amount());
            case Fact.StockIn stock -> stockAdded.computeIfAbsent(stock.sku(), s -> new ArrayList<>())
                    .add(stock.quantity());
            case Fact.Nothing nothing -> { }
        }
    }

    /**
     * @param snapshots the aggregates' snapshots, compared only at rest (while orders flow, a snapshot
     *     read after the log may be ahead of it, and a read model behind)
     * @param atRest the caller knows that nothing is in flight: an order not ended is then a violation
     */
    public Verdict verdict(Optional<Snapshots> snapshots, boolean atRest) {
        List<Violation> violations = new ArrayList<>(view.violations());
        violations.addAll(duplicates);
        violations.addAll(schemaViolations);
        Optional<Snapshots> compared = snapshots.filter(s -> atRest);
        violations.addAll(versions.violations(compared.orElse(null)));
        violations.addAll(orders.violations(atRest));
        violations.addAll(causes.violations());
        return new Verdict(records, view.aborted(), unreadable, versions.count(), orders.outcomes(),
                causes.counts(), compared.isPresent(), atRest, violations, deposits, stockAdded);
    }
}
