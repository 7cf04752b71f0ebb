package io.eventline.core.decider;

import io.eventline.core.dlq.DeadLetterReason;
import io.eventline.core.dlq.DeadLetters;
import io.eventline.core.dlq.Outcome;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.EventMetadata;
import io.eventline.core.envelope.Json;
import io.eventline.core.envelope.MalformedMessageException;
import io.eventline.core.envelope.UnknownMessageTypeException;
import io.eventline.core.kafka.CommitWhenIdle;
import io.eventline.core.kafka.StreamsSettings;
import io.eventline.core.logging.CorrelationMdc;
import io.eventline.core.metrics.ProcessingObserver;
import io.eventline.core.tracing.Hop;
import io.eventline.core.tracing.Tracing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Decides one command against its aggregate's snapshot (and the one {@link Entries entry} it names).
 * It runs in the one stream task that owns the aggregate's partition, so there is one writer per
 * aggregate and no optimistic locking; under exactly-once the snapshot, the entries, the events and
 * the reply commit in one transaction (the history store is built from the event topic: {@link HistoryStore}), and a crash before the commit replays the command
 * against the old snapshot, yielding the same events (their ids derive from the command id, their
 * time from the command's). The reply says what the aggregate's {@code summary} makes of its state.
 *
 * <p>A record that is no command goes to the dead-letter topic; a command of a type, version or data
 * this decider does not know is refused to its sender (who waits for an answer) and dead-lettered too.
 */
final class CommandProcessor<C, S, E> implements Processor<String, byte[], String, Outcome<Decided>> {

    private final Aggregate<C, S, E> aggregate;
    private final CommandPreparer<C> preparer;
    private ProcessorContext<String, Outcome<Decided>> context;
    private DeadLetters deadLetters;
    private ProcessingObserver observer;
    private CommitWhenIdle commits;
    private StateStores<C, S, ?> state;
    private Tracing tracing;
    private final String part;
    private String service;
    private Hop hop; // the record being handled's: what the events and the reply it causes carry

    /** @param part the service it is added for ({@code Sources.part}), or null: the application's */
    CommandProcessor(Aggregate<C, S, E> aggregate, CommandPreparer<C> preparer, String part) {
        this.part = part;
        this.aggregate = aggregate;
        this.preparer = preparer;
    }

    @Override
    public void init(ProcessorContext<String, Outcome<Decided>> context) {
        this.context = context;
        this.deadLetters = DeadLetters.of(context, aggregate.name() + "-decide", part);
        this.observer = ProcessingObserver.of(context);
        this.commits = CommitWhenIdle.of(context);
        this.state = StateStores.of(aggregate, context);
        this.tracing = Tracing.of(context.appConfigs());
        this.service = StreamsSettings.service(part, context.applicationId());
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Rider rider = Rider.takeFrom(record.headers()); // off before a dead letter could copy it
        state.carry(record.key(), handedOver() ? rider : null);
        // Every log line written while handling the record carries its correlation id (CorrelationMdc).
        try (CorrelationMdc ignored = CorrelationMdc.of(record.headers()); Hop current = hop(record)) {
            hop = current;
            handle(record);
        } finally {
            state.carry(null, null);
        }
    }

    /** The topic of the record being handled, or of the one a part of this task handed it over in place for. */
    private String topic() {
        return context.recordMetadata().map(RecordMetadata::topic).orElse(aggregate.commandTopic());
    }

    /** Whether the record was handed over in place by a part of this task, not read from the command topic. */
    private boolean handedOver() {
        return !topic().equals(aggregate.commandTopic());
    }

    // A command read from the command topic is a hop of its own; one a reaction of this task handed
    // over in place is the rest of the reaction's hop.
    private Hop hop(Record<String, byte[]> record) {
        String step = aggregate.name() + "-decide";
        return handedOver()
                ? tracing.sameHop(service, step, topic(), record.headers())
                : tracing.hop(service, step, topic(), record.headers());
    }

    private void handle(Record<String, byte[]> record) {
        commits.recordProcessed();
        if (!deadLetters.forAnother(record) && decide(record)) {
            observer.processed(service, record.timestamp());
        }
    }

    /** Answers the command; false when the record went to the dead-letter topic instead. */
    private boolean decide(Record<String, byte[]> record) {
        CommandEnvelope command;
        try {
            command = read(record.value());
            CorrelationMdc.set(command.metadata().correlationId());
        } catch (IOException | IllegalArgumentException e) {
            context.forward(Outcome.dead(deadLetters.letter(record, DeadLetterReason.UNREADABLE, e)));
            return false;
        }
        C decoded;
        try {
            decoded = aggregate.commands().decode(command.commandType(), command.version(), command.data());
        } catch (UnknownMessageTypeException | MalformedMessageException e) {
            reply(command, state.load(command.aggregateId()), List.of(),
                    new Reply.Refusal("command.malformed", null, e.getMessage()), record.timestamp());
            context.forward(Outcome.dead(deadLetters.letter(record, DeadLetterReason.of(e), e)));
            return false;
        }
        Snapshot<S> before = state.load(command.aggregateId(), decoded);
        try {
            List<E> events = aggregate.decider().decide(preparer.prepare(decoded, StoreLookups.of(context)),
                    before.state());
            Snapshot<S> after = append(command, Instant.ofEpochMilli(record.timestamp()), before, events);
            reply(command, after, events.stream().map(e -> aggregate.events().typeOf(e).name()).toList(), null,
                    record.timestamp());
        } catch (Rejection rejection) {
            reply(command, before, List.of(),
                    new Reply.Refusal(rejection.code(), rejection.field(), rejection.getMessage()), record.timestamp());
        } catch (UnknownMessageTypeException | MalformedMessageException e) {
            // What the preparer read from local state does not fit: the command is fine, the answer is no.
            reply(command, before, List.of(), new Reply.Refusal("command.malformed", null, e.getMessage()),
                    record.timestamp());
        }
        return true;
    }

    private static CommandEnvelope read(byte[] value) throws IOException {
        if (value == null) {
            throw new IOException("no value: a command envelope was expected");
        }
        return Json.mapper().readValue(value, CommandEnvelope.class);
    }

    private Snapshot<S> append(CommandEnvelope command, Instant commandTime, Snapshot<S> before, List<E> events) {
        // Event time never goes back within an aggregate, so "as of T" is a prefix of its history.
        Instant at = commandTime.isAfter(before.timestamp()) ? commandTime : before.timestamp();
        Snapshot<S> current = before;
        for (int i = 0; i < events.size(); i++) {
            E event = events.get(i);
            EventEnvelope envelope = envelope(command, i, at, event);
            byte[] bytes = EnvelopeCodec.toBytes(envelope);
            context.forward(Outcome.processed(new Record<String, Decided>(
                    command.aggregateId(), new Decided.Event(bytes), at.toEpochMilli(), hop.stamp(EnvelopeCodec.headers(envelope)))));
            commits.outputWritten();
            current = current.next(aggregate.decider().evolve(current.state(), event), at);
        }
        if (!events.isEmpty()) {
            state.save(command.aggregateId(), before, current);
            observer.appended(aggregate.eventTopic(), current.created(), at, events);
        }
        return current;
    }

    private EventEnvelope envelope(CommandEnvelope command, int index, Instant at, E event) {
        UUID eventId = UUID.nameUUIDFromBytes(
                (command.commandId() + "/" + index).getBytes(StandardCharsets.UTF_8));
        EventMetadata metadata = new EventMetadata(
                command.metadata().correlationId(), command.commandId(), aggregate.name());
        return new EventEnvelope(eventId, aggregate.events().typeOf(event).name(),
                aggregate.events().typeOf(event).currentVersion(), at, command.aggregateId(),
                aggregate.events().encode(event), metadata);
    }

    private void reply(CommandEnvelope command, Snapshot<S> snapshot, List<String> events, Reply.Refusal refusal,
                       long timestamp) {
        if (command.unanswered()) { // never null: see CommandEnvelope
            return; // nobody reads it: a reaction's command, whose outcome its events tell
        }
        byte[] reply = Reply.toBytes(command.commandId(), command.aggregateId(), snapshot.version(),
                aggregate.summary().apply(state.bare(snapshot).state()), events, refusal);
        CommandEnvelope.ReplyTo to = command.replyTo();
        String topic = to == null ? aggregate.replyTopic() : to.topic();
        String key = to == null ? command.aggregateId() : to.key();
        context.forward(Outcome.processed(new Record<String, Decided>(
                key, new Decided.Answer(reply, topic), timestamp, hop.stamp(new RecordHeaders()))));
        commits.outputWritten();
    }
}
