package io.eventline.core.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.EventMetadata;
import io.eventline.core.envelope.Json;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EffectTopologyTest {
    record Mail(String to) {
    }

    /** A mail server that fails as it is told, per recipient, and remembers what it delivered. */
    static final class FlakyMailer implements SideEffect<Mail> {
        final Map<String, Integer> transientFailuresLeft = new HashMap<>();
        final List<String> permanentlyBroken = new ArrayList<>();
        final List<String> delivered = new ArrayList<>();
        int attempts;

        @Override
        public void perform(String idempotencyKey, Mail mail) {
            attempts++;
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
    final FlakyMailer mailer = new FlakyMailer();
    final TopologyTestDriver driver = driver();
    final TestInputTopic<String, byte[]> events = driver.createInputTopic("mails.events", new StringSerializer(),
            new ByteArraySerializer());
    final TestOutputTopic<String, byte[]> deadLetters = driver.createOutputTopic("mails.dlq", new StringDeserializer(),
            new ByteArrayDeserializer());

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void shouldPerformOnceEvenWhenTheEventIsDeliveredTwice() {
        byte[] event = mail("ada");
        events.pipeInput("k", event);
        events.pipeInput("k", event);
        assertThat(mailer.delivered).containsExactly("ada");
        assertThat(mailer.attempts).isEqualTo(1);
    }

    @Test
    void shouldRetryATransientFailureWithBackoffWithoutHoldingUpOtherKeys() {
        mailer.transientFailuresLeft.put("ada", 2);
        events.pipeInput("a", mail("ada"));
        events.pipeInput("b", mail("bob"));
        assertThat(mailer.delivered).containsExactly("bob"); // bob's mail did not wait for ada's

        driver.advanceWallClockTime(Duration.ofMillis(1_100)); // backoff after attempt 1: 1 s
        assertThat(mailer.delivered).containsExactly("bob");
        driver.advanceWallClockTime(Duration.ofMillis(2_100)); // after attempt 2: 2 s
        assertThat(mailer.delivered).containsExactly("bob", "ada");
        driver.advanceWallClockTime(Duration.ofSeconds(30));
        assertThat(mailer.attempts).isEqualTo(4);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterWhenRetriesAreExhausted() {
        mailer.transientFailuresLeft.put("ada", 99);
        byte[] event = mail("ada");
        events.pipeInput("a", event);
        driver.advanceWallClockTime(Duration.ofSeconds(2));
        driver.advanceWallClockTime(Duration.ofSeconds(3));

        TestRecord<String, byte[]> dead = deadLetters.readRecord();
        assertThat(dead.value()).isEqualTo(event);
        assertThat(header(dead, "eventline.dlq.reason")).isEqualTo("effect-retries-exhausted");
        assertThat(header(dead, "eventline.dlq.attempts")).isEqualTo("3");
        assertThat(header(dead, "eventline.dlq.topic")).isEqualTo("mails.events");
        driver.advanceWallClockTime(Duration.ofSeconds(30));
        assertThat(mailer.attempts).isEqualTo(3);
        events.pipeInput("a", event); // redelivered: given up once, not tried again
        assertThat(mailer.attempts).isEqualTo(3);
    }

    @Test
    void shouldDeadLetterAPermanentFailureAtOnceAndGoOn() {
        mailer.permanentlyBroken.add("nobody");
        events.pipeInput("n", mail("nobody"));
        events.pipeInput("a", mail("ada"));
        assertThat(header(deadLetters.readRecord(), "eventline.dlq.reason")).isEqualTo("effect-failed");
        assertThat(mailer.delivered).containsExactly("ada");
    }

    private static String header(TestRecord<String, byte[]> record, String key) {
        return new String(record.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
    }

    private static byte[] mail(String to) {
        return EnvelopeCodec.toBytes(new EventEnvelope(UUID.randomUUID(), "mail.requested", 1, Instant.now(), to,
                Json.mapper().createObjectNode().put("to", to), new EventMetadata("c", "c", "test")));
    }

    private TopologyTestDriver driver() {
        StreamsBuilder builder = new StreamsBuilder();
        EffectTopology.addTo(builder, new EffectTopology.Spec<>("mails", "mails.events",
                event -> Optional.of(new Mail(event.data().get("to").asText())), Mail.class, mailer, POLICY,
                "mails.dlq", Duration.ofMillis(100)));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test-effects");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        return new TopologyTestDriver(builder.build(props), props);
    }
}
