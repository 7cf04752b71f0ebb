package io.eventline.core.saga;

import io.eventline.core.decider.Aggregate;
import io.eventline.core.decider.CommandEnvelope;
import io.eventline.core.decider.Reply;
import io.eventline.core.decider.Rider;
import io.eventline.core.dlq.DeadLetterReason;
import io.eventline.core.dlq.DeadLetters;
import io.eventline.core.dlq.Outcome;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.EventMetadata;
import io.eventline.core.envelope.Json;
import io.eventline.core.envelope.MalformedEnvelopeException;
import io.eventline.core.envelope.MalformedMessageException;
import io.eventline.core.envelope.UnknownMessageTypeException;
import io.eventline.core.kafka.CommitWhenIdle;
import io.eventline.core.kafka.StreamsSettings;
import io.eventline.core.kafka.TicksWhileBusy;
import io.eventline.core.logging.CorrelationMdc;
import io.eventline.core.metrics.ProcessingObserver;
import io.eventline.core.tracing.Hop;
import io.eventline.core.tracing.Tracing;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one saga's instances of this task: trigger events and replies in, commands out, state in
 * {@code <saga>-state}, or beside the snapshots of the aggregate it runs in place with ({@link SagaStore}). Under exactly-once, an input's state change and the commands it causes commit
 * together; a crash before the commit replays the input against the old state, and the saga's ids
 * (from the state's sequence) make the replayed commands the same ones. A reply or trigger event it
 * cannot read, or one without key or value, goes to the dead-letter topic.
 */
final class SagaProcessor<D> implements Processor<String, byte[], String, Outcome<Outbound>> {
    private static final Logger LOG = LoggerFactory.getLogger(SagaProcessor.class);
    static final String TIMEOUT_CAUSE = "timeout";

    private final SagaDefinition<D> definition;
    private final Saga<D> saga;
    private final SagaTriggers<D> triggers;
    private final Duration tickInterval;
    /**
     * The aggregate decided in this task, if any ({@link SagaTopology#inPlace}): its commands for the
     * saga's own key are decided here, and the sagas' states ride in its snapshot store ({@link SagaStore}).
     */
    private final Aggregate<?, ?, ?> target;
    private final Set<String> inPlace;
    /**
     * The sagas of this task awaiting replies, by id, with their deadline: read from the store by the
     * first tick (after any restore), then kept up to date by every change, so that a tick costs in
     * proportion to the sagas in flight, not to every saga ever run. Null until the first tick. The
     * ticks run while some saga awaits (and once at the start): see {@link TicksWhileBusy}.
     */
    private TreeMap<String, Long> awaiting;
    private TicksWhileBusy ticks;
    private final SagaStateCodec<D> codec;
    private ProcessorContext<String, Outcome<Outbound>> context;
    private DeadLetters deadLetters;
    private ProcessingObserver observer;
    private CommitWhenIdle commits;
    private SagaStore store;
    private Tracing tracing;
    private final String part;
    private String service;
    private Hop hop; // the record or tick being handled's: what the commands it sends carry

    /** @param target the aggregate decided in this task, or null */
    SagaProcessor(SagaDefinition<D> definition, SagaTriggers<D> triggers, Duration tickInterval,
                  Aggregate<?, ?, ?> target) {
        this(definition, triggers, tickInterval, target, target == null ? Set.of() : Set.of(target.commandTopic()),
                null);
    }

    /**
     * @param inPlace the command topics whose commands for the saga's own key are decided in this task:
     *     the target's, and others' ({@code SagaTopology.inPlace})
     * @param part the service it is added for ({@code Sources.part}), or null: the application's
     */
    SagaProcessor(SagaDefinition<D> definition, SagaTriggers<D> triggers, Duration tickInterval,
                  Aggregate<?, ?, ?> target, Set<String> inPlace, String part) {
        this.inPlace = Set.copyOf(inPlace);
        this.part = part;
        this.definition = definition;
        this.saga = new Saga<>(definition);
        this.triggers = triggers;
        this.tickInterval = tickInterval;
        this.target = target;
        this.codec = new SagaStateCodec<>(definition);
    }

    @Override
    public void init(ProcessorContext<String, Outcome<Outbound>> context) {
        this.context = context;
        this.deadLetters = DeadLetters.of(context, definition.name() + "-run", part);
        this.observer = ProcessingObserver.of(context);
        this.commits = CommitWhenIdle.of(context);
        KeyValueStore<String, byte[]> own = context.getStateStore(definition.stateStore());
        this.store = target == null ? SagaStore.own(own)
                : SagaStore.hosted(context.getStateStore(target.snapshotStore()), own, definition.name());
        this.tracing = Tracing.of(context.appConfigs());
        this.service = StreamsSettings.service(part, context.applicationId());
        this.ticks = new TicksWhileBusy(context, tickInterval, this::tick);
        ticks.start(); // the first tick reads the sagas awaiting replies from the store
    }

    @Override
    public void process(Record<String, byte[]> record) {
        // Every log line written while handling the record carries its correlation id (CorrelationMdc).
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("");
        try (CorrelationMdc ignored = CorrelationMdc.of(record.headers());
             Hop current = tracing.hop(service, definition.name(), topic, record.headers())) {
            hop = current;
            handle(record);
        }
    }

    private void handle(Record<String, byte[]> record) {
        commits.recordProcessed();
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("");
        if (deadLetters.forAnother(record)) {
            return;
        }
        if (record.key() == null || record.value() == null) {
            // Without a key there is no saga to apply it to; without a value, nothing to apply.
            deadLetter(record, DeadLetterReason.UNREADABLE,
                    new IllegalArgumentException("a record without " + (record.key() == null ? "key" : "value")));
            return;
        }
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        boolean applied = topic.equals(definition.replyTopic()) ? replied(record, now) : triggered(topic, record, now);
        if (applied) {
            observer.processed(service, record.timestamp());
        }
    }

    /** @return false when the reply went to the dead-letter topic */
    private boolean replied(Record<String, byte[]> record, Instant now) {
        Reply reply;
        try {
            reply = Json.mapper().readValue(record.value(), Reply.class);
        } catch (IOException | IllegalArgumentException e) {
            deadLetter(record, DeadLetterReason.UNREADABLE, e);
            return false;
        }
        apply(record.key(), new SagaInput.ReplyReceived<>(reply, now), reply.commandId());
        return true;
    }

    /** @return false when the event went to the dead-letter topic */
    private boolean triggered(String topic, Record<String, byte[]> record, Instant now) {
        EventEnvelope event;
        Optional<D> start;
        Optional<String> abort;
        try {
            event = EnvelopeCodec.fromBytes(record.value());
            start = triggers.start(topic, event);
            abort = triggers.abort(topic, event);
        } catch (MalformedEnvelopeException | UnknownMessageTypeException | MalformedMessageException e) {
            deadLetter(record, DeadLetterReason.of(e), e);
            return false;
        }
        String cause = event.eventId().toString();
        start.ifPresent(data -> apply(record.key(),
                new SagaInput.Start<>(record.key(), data, event.metadata().correlationId(), now), cause));
        abort.ifPresent(reason -> apply(record.key(), new SagaInput.Abort<>(reason, now), cause));
        return true;
    }

    /** Feeds a tick to every saga past its deadline: see SagaTopology. */
    private void tick(long nowMillis) {
        if (awaiting == null) {
            awaiting = new TreeMap<>();
            store.forEach((sagaId, state) -> watch(sagaId, codec.read(state)));
        }
        List<String> due = awaiting.entrySet().stream()
                .filter(saga -> nowMillis >= saga.getValue()).map(Map.Entry::getKey).toList();
        Instant now = Instant.ofEpochMilli(nowMillis);
        // A deadline is no record: what a timeout sends starts a trace of its own (the saga's state
        // keeps no trace context).
        for (String sagaId : due) {
            try (Hop current = tracing.hop(service, definition.name(), "timer", null)) {
                hop = current;
                apply(sagaId, new SagaInput.Tick<>(now), TIMEOUT_CAUSE);
            }
        }
        if (awaiting.isEmpty()) {
            ticks.stop();
        }
    }

    /** Keeps {@link #awaiting} as the store has it, once the first tick has read the store. */
    private void watch(String sagaId, SagaState<D> state) {
        if (state.pending().isEmpty()) {
            awaiting.remove(sagaId);
        } else {
            awaiting.put(sagaId, state.deadline());
            ticks.start();
        }
    }

    private void apply(String sagaId, SagaInput<D> input, String causationId) {
        Optional<SagaState<D>> before = Optional.ofNullable(store.get(sagaId)).map(codec::read);
        saga.react(input, before).ifPresentOrElse(transition -> {
            SagaState<D> after = transition.state();
            byte[] state = codec.write(after);
            // Handed to a command for its target decided in place, the state is written with the target's
            // snapshot, in one put (Rider): one changelog record a step, not two.
            Rider rider = transition.sent().stream().anyMatch(sent -> ridesWith(sent.command(), sagaId))
                    ? new Rider(definition.name(), state) : null;
            if (rider == null) {
                store.put(sagaId, state);
            }
            if (awaiting != null) {
                watch(sagaId, after);
            }
            transition.sent().forEach(sent -> forward(after, sent, causationId, input.now(), rider));
            if (rider != null) {
                store.putUnlessWritten(sagaId, state); // the command's events changed nothing, or it was refused
            }
            logged(before, after);
        }, () -> LOG.debug("{} {}: {} changed nothing", definition.name(), sagaId, input.getClass().getSimpleName()));
    }

    /** @param rider the saga's new state, for the decider of its target to write (null: written already) */
    private void forward(SagaState<D> state, SagaTransition.Sent sent, String causationId, Instant now, Rider rider) {
        SagaCommand command = sent.command();
        CommandEnvelope.ReplyTo replyTo = sent.awaitsReply()
                ? new CommandEnvelope.ReplyTo(definition.replyTopic(), state.sagaId()) : null;
        CommandEnvelope addressed = new CommandEnvelope(sent.commandId(), command.commandType(), command.version(),
                command.aggregateId(), command.data(),
                new EventMetadata(state.correlationId(), causationId, definition.name()), replyTo);
        // A notification is sent and forgotten: its decider writes no reply that nobody would read.
        CommandEnvelope envelope = sent.awaitsReply() ? addressed : addressed.withoutReply();
        boolean inPlace = decidedInPlace(command, state.sagaId());
        Headers headers = hop.stamp(new RecordHeaders());
        if (rider != null && ridesWith(command, state.sagaId())) {
            rider.stamp(headers);
        }
        context.forward(Outcome.processed(new Record<>(command.aggregateId(),
                new Outbound(command.topic(), Json.write(envelope), inPlace), now.toEpochMilli(), headers)));
        if (!inPlace) { // decided in place, the decider reports what it writes
            commits.outputWritten();
        }
    }

    /**
     * Only a command for the saga's own key is decided in its task: the task holds that key's
     * partition of the command topic (same key, same partition count). A command for another id of
     * the same aggregate may live in another task, which alone may decide it: it crosses the topic.
     */
    boolean decidedInPlace(SagaCommand command, String sagaId) {
        return inPlace.contains(command.topic()) && command.aggregateId().equals(sagaId);
    }

    /** Whether the command is decided in place by the saga's target, whose snapshot its state rides beside. */
    private boolean ridesWith(SagaCommand command, String sagaId) {
        return target != null && command.topic().equals(target.commandTopic()) && decidedInPlace(command, sagaId);
    }

    private void logged(Optional<SagaState<D>> before, SagaState<D> after) {
        int known = before.map(state -> state.log().size()).orElse(0);
        for (StepRecord line : after.log().subList(known, after.log().size())) {
            boolean compensation = definition.steps().stream().noneMatch(step -> step.name().equals(line.step()));
            if (line.outcome() == StepRecord.Outcome.TIMED_OUT
                    || compensation && line.outcome() == StepRecord.Outcome.FAILED) {
                LOG.warn("{} {}: {} {}", definition.name(), after.sagaId(), line.step(), line.outcome());
            } else {
                LOG.debug("{} {}: {} {}", definition.name(), after.sagaId(), line.step(), line.outcome());
            }
        }
    }

    @Override
    public void close() {
        if (ticks != null) {
            ticks.stop(); // its thread no longer counts it (TicksWhileBusy)
        }
    }

    private void deadLetter(Record<String, byte[]> record, DeadLetterReason reason, Exception e) {
        context.forward(Outcome.dead(deadLetters.letter(record, reason, e)));
    }
}
