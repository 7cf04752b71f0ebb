package io.eventline.core.retry;

import io.eventline.core.dlq.DeadLetterHeaders;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.EventMetadata;
import io.eventline.core.envelope.Json;
import io.eventline.core.envelope.UnknownMessageTypeException;
import io.eventline.core.kafka.Sources;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * A mail effect on a {@link TopologyTestDriver}, as the application {@code eventline-mails}: events in
 * on {@code mails.events}, replays on {@code mails.replays}, dead letters out on {@code mails.dlq}.
 * Attempts run on the stream thread ({@code Runnable::run}) and are settled at the next punctuation,
 * as they would be had they run elsewhere: the bookkeeping is tested deterministically.
 */
final class EffectWorld implements AutoCloseable {
    record Mail(String to) {
    }

    /** A mail server that fails as it is told, per recipient, and remembers what it delivered. */
    static final class FlakyMailer implements SideEffect<Mail> {
        final Map<String, Integer> transientFailuresLeft = new HashMap<>();
        final List<String> permanentlyBroken = new ArrayList<>();
        final List<String> delivered = new ArrayList<>();
        /** The trace context each attempt ran in: what an HTTP client would pass on. */
        final List<SpanContext> traces = new ArrayList<>();
        int attempts;

        @Override
        public synchronized void perform(String idempotencyKey, Mail mail) {
            attempts++;
            traces.add(Span.current().getSpanContext());
            if (permanentlyBroken.contains(mail.to())) {
                throw new IllegalArgumentException("no such mailbox " + mail.to());
            }
            int left = transientFailuresLeft.getOrDefault(mail.to(), 0);
            if (left > 0) {
                transientFailuresLeft.put(mail.to(), left - 1);
                throw new TransientEffectException("mail server down");
            }
            delivered.add(mail.to());
        }
    }

    static final RetryPolicy POLICY = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(4));
    static final Duration TICK = Duration.ofMillis(100);
    static final String QUEUE = "mails.dlq";

    final FlakyMailer mailer = new FlakyMailer();
    final TopologyTestDriver driver = driver(mailer, () -> Runnable::run);
    final TestInputTopic<String, byte[]> events = input(driver, "mails.events");
    final TestInputTopic<String, byte[]> replays = input(driver, "mails.replays");
    final TestOutputTopic<String, byte[]> deadLetters = driver.createOutputTopic(QUEUE, new StringDeserializer(),
            new ByteArrayDeserializer());

    /** One punctuation: finished attempts are settled, due ones started. */
    void tick() {
        driver.advanceWallClockTime(TICK);
    }

    @Override
    public void close() {
        driver.close();
    }

    /** What the dead-letter queue's replay sends: the original, addressed back to this application. */
    static TestRecord<String, byte[]> replayOf(TestRecord<String, byte[]> letter) {
        var headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.REPLAY_FOR, QUEUE.getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetterHeaders.ATTEMPTS,
                header(letter, DeadLetterHeaders.ATTEMPTS).getBytes(StandardCharsets.UTF_8));
        return new TestRecord<>(letter.key(), letter.value(), headers, Instant.now());
    }

    static String header(TestRecord<String, byte[]> record, String key) {
        var header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static byte[] mail(String to) {
        return event("mail.requested", to);
    }

    /** The key of the event's effect in the done store. */
    static String eventId(byte[] event) {
        return EnvelopeCodec.fromBytes(event).eventId().toString();
    }

    static byte[] event(String type, String to) {
        return EnvelopeCodec.toBytes(new EventEnvelope(UUID.randomUUID(), type, 1, Instant.now(), to,
                Json.mapper().createObjectNode().put("to", to), new EventMetadata("c", "c", "test")));
    }

    static TestInputTopic<String, byte[]> input(TopologyTestDriver driver, String topic) {
        return driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer());
    }

    static EffectTopology.Spec<Mail> spec(SideEffect<Mail> effect) {
        return new EffectTopology.Spec<>("mails", "mails.events", EffectWorld::select, Mail.class, effect, POLICY,
                TICK);
    }

    static TopologyTestDriver driver(StreamsBuilder builder) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "eventline-mails");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        return new TopologyTestDriver(builder.build(props), props);
    }

    private static TopologyTestDriver driver(SideEffect<Mail> effect, Supplier<Executor> executors) {
        StreamsBuilder builder = new StreamsBuilder();
        EffectTopology.addTo(new Sources(builder), spec(effect), executors);
        return driver(builder);
    }

    private static Optional<Mail> select(EventEnvelope event) {
        if (!event.eventType().equals("mail.requested")) {
            throw new UnknownMessageTypeException("unknown type " + event.eventType());
        }
        return Optional.of(new Mail(event.data().get("to").asText()));
    }
}
