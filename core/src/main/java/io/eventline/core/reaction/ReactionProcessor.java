package io.eventline.core.reaction;

import io.eventline.core.decider.Aggregate;
import io.eventline.core.decider.CommandEnvelope;
import io.eventline.core.decider.StoreLookups;
import io.eventline.core.dlq.DeadLetterReason;
import io.eventline.core.dlq.DeadLetters;
import io.eventline.core.dlq.Outcome;
import io.eventline.core.envelope.Catalogue;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.EventMetadata;
import io.eventline.core.envelope.Json;
import io.eventline.core.envelope.MalformedEnvelopeException;
import io.eventline.core.envelope.MalformedMessageException;
import io.eventline.core.envelope.UnknownMessageTypeException;
import io.eventline.core.kafka.CommitWhenIdle;
import io.eventline.core.kafka.StreamsSettings;
import io.eventline.core.logging.CorrelationMdc;
import io.eventline.core.metrics.ProcessingObserver;
import io.eventline.core.tracing.Hop;
import io.eventline.core.tracing.Tracing;

import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Turns one event into the commands a {@link Reaction} asks for. A command's id derives from the
 * event's id, so the commands of one event are the same whenever it is processed; its metadata keeps
 * the event's correlation id and names the event as its cause. An event it cannot read (not an
 * envelope, an unknown type or version, data that does not fit) goes to the dead-letter topic; fed in its
 * decider's task instead ({@code asWrittenFrom}), such an event is a defect of that decider and fails the task.
 */
final class ReactionProcessor<E, C> implements Processor<String, byte[], String, Outcome<byte[]>> {

    private final String name;
    private final Catalogue<E> events;
    private final LookupReaction<E, C> reaction;
    private final Aggregate<C, ?, ?> target;
    private final boolean sameKey;
    private ProcessorContext<String, Outcome<byte[]>> context;
    private DeadLetters deadLetters;
    private ProcessingObserver observer;
    private CommitWhenIdle commits;
    private Tracing tracing;
    private final String part;
    private final String asWrittenFrom;
    private String service;
    private Hop hop; // the event being handled's: what the commands it causes carry

    /** @param sameKey whether every command must be for the aggregate the event is keyed by (decided in place) */
    ReactionProcessor(String name, Catalogue<E> events, LookupReaction<E, C> reaction, Aggregate<C, ?, ?> target,
                      boolean sameKey) {
        this(name, events, reaction, target, sameKey, null, null);
    }

    /**
     * @param part the service it is added for ({@code Sources.part}), or null: the application's
     * @param asWrittenFrom the event topic when the processor is fed its events as their decider writes
     *     them, in the decider's task ({@code Sources.readAsWritten}); null when it reads a topic
     */
    ReactionProcessor(String name, Catalogue<E> events, LookupReaction<E, C> reaction, Aggregate<C, ?, ?> target,
                      boolean sameKey, String part, String asWrittenFrom) {
        this.asWrittenFrom = asWrittenFrom;
        this.part = part;
        this.name = name;
        this.events = events;
        this.reaction = reaction;
        this.target = target;
        this.sameKey = sameKey;
    }

    @Override
    public void init(ProcessorContext<String, Outcome<byte[]>> context) {
        this.context = context;
        this.deadLetters = DeadLetters.of(context, name + "-react", part);
        this.observer = ProcessingObserver.of(context);
        this.commits = CommitWhenIdle.of(context);
        this.tracing = Tracing.of(context.appConfigs());
        this.service = StreamsSettings.service(part, context.applicationId());
    }

    @Override
    public void process(Record<String, byte[]> record) {
        // Every log line written while handling the record carries its correlation id (CorrelationMdc).
        // Fed in its decider's task, the record read is the decider's command: the event comes from its topic.
        String topic = asWrittenFrom != null ? asWrittenFrom
                : context.recordMetadata().map(RecordMetadata::topic).orElse("");
        try (CorrelationMdc ignored = CorrelationMdc.of(record.headers());
             Hop current = tracing.hop(service, name, topic, record.headers())) {
            hop = current;
            handle(record);
        }
    }

    private void handle(Record<String, byte[]> record) {
        commits.recordProcessed();
        if (record.value() == null) {
            return; // a tombstone on a compacted topic: nothing happened that a reaction could answer
        }
        if (deadLetters.forAnother(record)) {
            return;
        }
        EventEnvelope envelope;
        E event;
        try {
            envelope = EnvelopeCodec.fromBytes(record.value());
            event = events.decode(envelope.eventType(), envelope.version(), envelope.data());
        } catch (MalformedEnvelopeException | UnknownMessageTypeException | MalformedMessageException e) {
            if (asWrittenFrom != null) {
                // Its decider has just written it with the same catalogue: a defect, not bad input. A dead
                // letter would name the decider's command as its source, and a replay could not reach here.
                throw new IllegalStateException(name + " cannot read an event " + asWrittenFrom
                        + "'s decider has just written: " + e.getMessage(), e);
            }
            context.forward(Outcome.dead(deadLetters.letter(record, DeadLetterReason.of(e), e)));
            return;
        }
        List<Routed<C>> commands = reaction.react(event, StoreLookups.of(context));
        if (sameKey && commands.stream().anyMatch(routed -> !routed.aggregateId().equals(record.key()))) {
            // Decided in this task, a command for another key would have a second writer: refuse loudly.
            context.forward(Outcome.dead(deadLetters.letter(record, DeadLetterReason.PROCESSING_FAILED,
                    new IllegalStateException(name + " routed a command to another aggregate than its event's key "
                            + record.key() + ", which a reaction decided in place cannot do"))));
            return;
        }
        for (int i = 0; i < commands.size(); i++) {
            forward(envelope, i, commands.get(i));
        }
        observer.processed(service, record.timestamp());
    }

    private void forward(EventEnvelope cause, int index, Routed<C> routed) {
        String commandId = ReactionTopology.commandId(cause.eventId(), name, index);
        var type = target.commands().typeOf(routed.command());
        CommandEnvelope command = new CommandEnvelope(commandId, type.name(), type.currentVersion(),
                routed.aggregateId(), target.commands().encode(routed.command()),
                new EventMetadata(cause.metadata().correlationId(), cause.eventId().toString(), target.name()))
                .withoutReply(); // the reaction never reads a reply: the decider writes none
        // Stamped now: the events this command causes happen now, not when the cause happened.
        context.forward(Outcome.processed(new Record<>(routed.aggregateId(), Json.write(command),
                context.currentSystemTimeMs(), hop.stamp(new RecordHeaders()))));
        if (!sameKey) { // decided in place, the decider reports what it writes
            commits.outputWritten();
        }
    }
}
