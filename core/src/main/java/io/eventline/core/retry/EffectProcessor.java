package io.eventline.core.retry;

import io.eventline.core.dlq.DeadLetter;
import io.eventline.core.dlq.DeadLetterReason;
import io.eventline.core.dlq.DeadLetters;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.Json;
import io.eventline.core.envelope.MalformedEnvelopeException;
import io.eventline.core.envelope.MalformedMessageException;
import io.eventline.core.envelope.UnknownMessageTypeException;
import io.eventline.core.kafka.StreamsSettings;
import io.eventline.core.kafka.TicksWhileBusy;
import io.eventline.core.logging.CorrelationMdc;
import io.eventline.core.tracing.Tracing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Performs a side effect once per event id. The stream thread never waits for the outside world: it
 * parks each effect in the done store under its event id and starts an attempt off the thread; a
 * wall-clock punctuator collects the attempts that finished, records their outcomes in the place of
 * the pending effects ({@link EffectLedger}), and starts those due again after their backoff. An
 * event that finds no attempt free collects the ended ones too, and hands their places to the effects
 * waiting: under a burst, places come back as fast as attempts end, not once per tick. One key's
 * failing target never holds up the partition's other keys, and no transaction stays open for an
 * attempt. Outcomes commit with the offsets (exactly-once): a redelivered event finds its outcome and
 * is not performed again; only a replay from the dead-letter queue tries a dead-lettered effect again.
 */
final class EffectProcessor<T> implements Processor<String, byte[], String, DeadLetter> {
    private static final Logger LOG = LoggerFactory.getLogger(EffectProcessor.class);
    /** Attempts under way at once per task: bounded, so that a backlog never floods the target. */
    static final int IN_FLIGHT_PER_TASK = 16;

    private final EffectTopology.Spec<T> spec;
    private final Supplier<Executor> executors;
    private ProcessorContext<String, DeadLetter> context;
    private DeadLetters deadLetters;
    private EffectLedger ledger;
    private EffectAttempts attempts;
    private Tracing tracing;
    private final String part;
    private String service;
    private TicksWhileBusy ticks;
    /**
     * Effects parked for want of a free attempt, oldest first: started as soon as a record or a tick
     * finds attempts ended, without looking for them in the ledger. In memory only: after a restart the
     * ledger has them pending, and the first tick starts them.
     */
    private final Map<String, PendingEffect> waiting = new LinkedHashMap<>();

    EffectProcessor(EffectTopology.Spec<T> spec, Supplier<Executor> executors) {
        this(spec, executors, null);
    }

    /** @param part the service it is added for ({@code Sources.part}), or null: the application's */
    EffectProcessor(EffectTopology.Spec<T> spec, Supplier<Executor> executors, String part) {
        this.part = part;
        this.spec = spec;
        this.executors = executors;
    }

    @Override
    public void init(ProcessorContext<String, DeadLetter> context) {
        this.context = context;
        this.deadLetters = DeadLetters.of(context, spec.name() + "-perform", part);
        this.ledger = EffectLedger.open(context.getStateStore(spec.doneStore()),
                context.getStateStore(spec.legacyPendingStore()));
        this.attempts = new EffectAttempts(executors.get(), IN_FLIGHT_PER_TASK);
        this.tracing = Tracing.of(context.appConfigs());
        this.service = StreamsSettings.service(part, context.applicationId());
        this.ticks = new TicksWhileBusy(context, spec.tick(), this::tick);
        if (ledger.anyPending()) {
            ticks.start(); // parked before a restart: their attempts resume
        }
    }

    @Override
    public void process(Record<String, byte[]> record) {
        // Every log line written while handling the record carries its correlation id (CorrelationMdc).
        try (CorrelationMdc ignored = CorrelationMdc.of(record.headers())) {
            handle(record);
        }
    }

    private void handle(Record<String, byte[]> record) {
        if (record.value() == null || deadLetters.forAnother(record)) {
            return;
        }
        boolean replay = EffectLetters.replayedFrom(record.headers()).isPresent();
        try {
            EventEnvelope event = EnvelopeCodec.fromBytes(record.value());
            String key = event.eventId().toString();
            if (isDue(key, replay)) {
                spec.select().apply(event).ifPresent(payload -> park(key, record, payload));
            }
        } catch (MalformedEnvelopeException | UnknownMessageTypeException | MalformedMessageException e) {
            context.forward(deadLetters.letter(record, DeadLetterReason.of(e), e));
        }
    }

    /** Whether the event's effect is still to be performed: never tried, or dead-lettered and now replayed. */
    private boolean isDue(String key, boolean replay) {
        if (ledger.isPending(key)) {
            return false; // under way, or waiting for its next attempt
        }
        Optional<EffectOutcome> outcome = ledger.outcome(key);
        if (outcome.isEmpty()) {
            return true;
        }
        boolean again = replay && outcome.get().kind() == EffectOutcome.Kind.DEAD_LETTERED;
        if (replay) {
            LOG.info("{}: replay of effect {} ({}): {}", spec.name(), key, outcome.get().kind(),
                    again ? "trying it again" : "already done, not repeated");
        }
        return again;
    }

    private void park(String key, Record<String, byte[]> record, T payload) {
        var source = PendingEffect.Source.of(record, context.recordMetadata().orElseThrow());
        PendingEffect effect = new PendingEffect(Json.mapper().valueToTree(payload), 0,
                context.currentSystemTimeMs(), null, source);
        ledger.park(key, effect);
        ticks.start();
        if (attempts.free() == 0) {
            // Attempts take a millisecond or so: waiting for the tick to free their places held a
            // task to IN_FLIGHT_PER_TASK effects per tick, and a burst of events fell behind.
            collectFinished(context.currentSystemTimeMs());
        }
        if (attempts.free() > 0) {
            start(key, effect);
        } else {
            waiting.put(key, effect);
        }
    }

    // Each attempt is a hop of the trace of the event that asked for the effect.
    private void start(String key, PendingEffect effect) {
        waiting.remove(key);
        PendingEffect.Source source = effect.source();
        attempts.start(key, spec.effect(), Json.treeToValue(effect.payload(), spec.payloadType()),
                tracing.hop(service, spec.name(), source.topic(), source.kafkaHeaders()));
    }

    private void tick(long now) {
        collectFinished(now);
        startDue(now);
        if (!ledger.anyPending()) {
            ticks.stop(); // nothing under way or waiting: a tick would only commit the task for nothing
        }
    }

    /** Settles the attempts that ended, and gives their places to the effects waiting, oldest first. */
    private void collectFinished(long now) {
        attempts.finished().forEach((key, result) -> settle(key, result, now));
        var oldest = waiting.entrySet().iterator();
        List<Map.Entry<String, PendingEffect>> next = new ArrayList<>();
        while (oldest.hasNext() && next.size() < attempts.free()) {
            next.add(oldest.next());
        }
        next.forEach(entry -> start(entry.getKey(), entry.getValue()));
    }

    private void settle(String key, AttemptResult result, long now) {
        Optional<PendingEffect> pending = ledger.pending(key);
        if (pending.isEmpty()) {
            return; // settled meanwhile: cannot happen on one thread, but never settle twice
        }
        PendingEffect effect = pending.get();
        int tried = effect.attempts() + 1;
        switch (result) {
            case AttemptResult.Succeeded s -> {
                ledger.settle(key, EffectOutcome.done(tried));
                LOG.debug("{}: effect {} done after {} attempt(s)", spec.name(), key, tried);
            }
            case AttemptResult.Permanent p -> deadLetter(key, effect, tried, EffectLetters.FAILED, p.error(), now);
            case AttemptResult.Transient t when spec.policy().exhausted(tried) ->
                    deadLetter(key, effect, tried, EffectLetters.RETRIES_EXHAUSTED, t.error(), now);
            case AttemptResult.Transient t -> retryLater(key, effect, tried, t.error(), now);
        }
    }

    private void retryLater(String key, PendingEffect effect, int tried, String error, long now) {
        Duration wait = spec.policy().backoffAfter(tried);
        LOG.info("{}: effect {} failed ({}), attempt {} of {}; next in {} ms", spec.name(), key, error, tried,
                spec.policy().maxAttempts(), wait.toMillis());
        ledger.park(key, effect.failed(error, now + wait.toMillis()));
    }

    private void deadLetter(String key, PendingEffect effect, int tried, String reason, String error, long now) {
        PendingEffect.Source source = effect.source();
        LOG.warn("{}: effect {} dead-lettered to {} after {} attempt(s): {} ({}-{}@{})", spec.name(), key,
                deadLetters.queue(), tried, reason, source.topic(), source.partition(), source.offset());
        String described = error + " (" + tried + (tried == 1 ? " attempt)" : " attempts)");
        context.forward(EffectLetters.letter(effect, reason, described, deadLetters.queue(), spec.replayTopic(), now));
        ledger.settle(key, EffectOutcome.deadLettered(tried, error));
    }

    /** Starts the parked effects whose time has come, as many as there is room for. */
    private void startDue(long now) {
        for (String key : ledger.due(now, attempts.free(), attempts::isRunning)) {
            start(key, ledger.pending(key).orElseThrow());
        }
    }

    @Override
    public void close() {
        if (ticks != null) {
            ticks.stop(); // its thread no longer counts it (TicksWhileBusy)
        }
        waiting.clear();
        if (attempts != null) {
            attempts.close();
        }
    }
}
