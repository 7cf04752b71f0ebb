package io.eventline.core.retry;

import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.Json;
import io.eventline.core.envelope.MalformedEnvelopeException;
import io.eventline.core.envelope.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Performs a side effect once per event id. A transient failure parks the effect in the pending
 * store and a wall-clock punctuator retries it when due, so one key's failing target never holds up
 * the partition's other keys; exhausted retries and permanent failures are dead-lettered with the
 * event's original bytes. Outcomes are recorded in the done store in the same exactly-once
 * transaction as the offsets: a redelivered event finds its outcome and is not performed again.
 */
final class EffectProcessor<T> implements Processor<String, byte[], String, byte[]> {
    private static final Logger LOG = LoggerFactory.getLogger(EffectProcessor.class);

    private final EffectTopology.Spec<T> spec;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> done;
    private KeyValueStore<String, byte[]> pending;

    EffectProcessor(EffectTopology.Spec<T> spec) {
        this.spec = spec;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.done = context.getStateStore(spec.doneStore());
        this.pending = context.getStateStore(spec.pendingStore());
        context.schedule(spec.tick(), PunctuationType.WALL_CLOCK_TIME, this::retryDue);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        EventEnvelope event;
        try {
            event = EnvelopeCodec.fromBytes(record.value());
        } catch (MalformedEnvelopeException e) {
            return; // not this processor's to judge: the topic's own consumers dead-letter what they cannot read
        }
        String key = event.eventId().toString();
        if (done.get(key) != null || pending.get(key) != null) {
            return; // already performed, given up, or waiting for its retry: never twice
        }
        Optional<T> payload = spec.select().apply(event);
        if (payload.isEmpty()) {
            return;
        }
        RecordMetadata at = context.recordMetadata().orElseThrow();
        attempt(key, new PendingEffect(Json.mapper().valueToTree(payload.get()), 0, 0, null, record.value(),
                at.topic(), at.partition(), at.offset()));
    }

    private void retryDue(long now) {
        List<KeyValue<String, byte[]>> due = new ArrayList<>();
        try (var all = pending.all()) {
            all.forEachRemaining(entry -> {
                if (Json.treeToValue(read(entry.value), PendingEffect.class).dueAt() <= now) {
                    due.add(entry);
                }
            });
        }
        due.forEach(entry -> attempt(entry.key, Json.treeToValue(read(entry.value), PendingEffect.class)));
    }

    private void attempt(String key, PendingEffect effect) {
        int attempts = effect.attempts() + 1;
        try {
            spec.effect().perform(key, Json.treeToValue(effect.payload(), spec.payloadType()));
            done.put(key, outcome("DONE", attempts, null));
            pending.delete(key);
        } catch (TransientEffectException e) {
            if (spec.policy().exhausted(attempts)) {
                deadLetter(key, effect, attempts, "effect-retries-exhausted", e.getMessage());
                return;
            }
            Duration wait = spec.policy().backoffAfter(attempts);
            LOG.info("{}: effect {} failed ({}), attempt {} of {}; next in {} ms", spec.name(), key, e.getMessage(),
                    attempts, spec.policy().maxAttempts(), wait.toMillis());
            pending.put(key, Json.write(new PendingEffect(effect.payload(), attempts,
                    context.currentSystemTimeMs() + wait.toMillis(), e.getMessage(), effect.original(), effect.topic(),
                    effect.partition(), effect.offset())));
        } catch (RuntimeException e) {
            deadLetter(key, effect, attempts, "effect-failed", e.getMessage());
        }
    }

    private void deadLetter(String key, PendingEffect effect, int attempts, String reason, String error) {
        LOG.warn("{}: effect {} dead-lettered after {} attempt(s): {} ({}-{}@{})", spec.name(), key, attempts, reason,
                effect.topic(), effect.partition(), effect.offset());
        Headers headers = new RecordHeaders();
        put(headers, "eventline.dlq.reason", reason);
        put(headers, "eventline.dlq.error", String.valueOf(error).lines().findFirst().orElse(""));
        put(headers, "eventline.dlq.topic", effect.topic());
        put(headers, "eventline.dlq.partition", Integer.toString(effect.partition()));
        put(headers, "eventline.dlq.offset", Long.toString(effect.offset()));
        put(headers, "eventline.dlq.attempts", Integer.toString(attempts));
        put(headers, "eventline.dlq.at", Timestamps.format(Instant.ofEpochMilli(context.currentSystemTimeMs())));
        context.forward(new Record<>(key, effect.original(), context.currentSystemTimeMs(), headers));
        done.put(key, outcome("DEAD_LETTERED", attempts, error));
        pending.delete(key);
    }

    private static byte[] outcome(String outcome, int attempts, String error) {
        var node = Json.mapper().createObjectNode().put("outcome", outcome).put("attempts", attempts);
        if (error != null) {
            node.put("error", error);
        }
        return Json.write(node);
    }

    private static com.fasterxml.jackson.databind.JsonNode read(byte[] bytes) {
        try {
            return Json.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable pending effect", e);
        }
    }

    private static void put(Headers headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
