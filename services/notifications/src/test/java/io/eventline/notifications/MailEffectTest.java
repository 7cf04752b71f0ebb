package io.eventline.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventline.contracts.Money;
import io.eventline.contracts.customers.CustomerContracts;
import io.eventline.contracts.notifications.NotificationContracts;
import io.eventline.contracts.orders.CancelReason;
import io.eventline.contracts.orders.OrderCancelled;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.orders.OrderShipped;
import io.eventline.core.dlq.DeadLetterHeaders;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.kafka.Sources;
import io.eventline.core.kafka.StreamsSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notifications service with its mail effect, as the app runs it (exactly-once settings, attempts
 * on virtual threads), against a local webhook: orders' outcomes become mails, each accepted once.
 */
class MailEffectTest {
    static final Duration TICK = NotificationsService.MAIL_TICK;
    static final int REFUSE = -1;

    @TempDir
    Path stateDir;
    final Map<String, Integer> failuresLeft = new ConcurrentHashMap<>();
    final WebhookTarget target = new WebhookTarget(this::answer);
    TopologyTestDriver driver;

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
        target.close();
    }

    @Test
    void shouldMailEachOutcomeOnceUnderItsEventIdWhenTheTargetFailsForAWhile() {
        start();
        failuresLeft.put("o-1", 2); // 503 twice, then accepted
        shipped("o-1");
        cancelled("o-2");

        awaitAccepted(2);
        List<String> eventIds = sentEventIds();
        assertThat(target.accepted()).containsOnlyKeys(eventIds).allSatisfy((key, times) -> assertThat(times).isOne());
        assertThat(target.requests()).as("o-1's two failures and the rest").hasSize(4);
        assertThat(deadLetters().readRecordsToList()).isEmpty();
    }

    @Test
    void shouldDeadLetterARefusedMailAndDeliverItOnceWhenReplayedAfterAFix() {
        start();
        failuresLeft.put("o-3", REFUSE);
        shipped("o-3");
        shipped("o-4");

        TestRecord<String, byte[]> letter = awaitDeadLetter();
        assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo("effect-failed");
        assertThat(header(letter, DeadLetterHeaders.ERROR)).contains("answered 400");
        assertThat(header(letter, DeadLetterHeaders.TOPIC)).isEqualTo(NotificationContracts.TOPIC);
        assertThat(header(letter, DeadLetterHeaders.REPLAY_TO)).isEqualTo(NotificationsService.MAIL_REPLAYS);
        assertThat(letter.key()).isEqualTo("o-3");
        assertThat(target.accepted()).hasSize(1);

        failuresLeft.clear();
        replays().pipeInput(replayOf(letter));
        awaitAccepted(2);
        replays().pipeInput(replayOf(letter)); // replayed twice: still mailed once
        settle();
        assertThat(target.accepted().values()).containsExactly(1, 1);
    }

    @Test
    void shouldMailNothingWhenTheCustomerHasNoAddress() {
        start();
        orders().pipeInput("o-5", NotificationsTopologyTest.order("o-5",
                new OrderShipped("o-5", "nobody", NotificationsTopologyTest.ITEMS, "EUR", new Money(2050))));
        settle();
        assertThat(sentEventIds()).hasSize(1);
        assertThat(target.requests()).isEmpty();
    }

    /** 503 while an order has failures left, 400 for good for one set to {@link #REFUSE}, else 200. */
    private int answer(WebhookTarget.Request request) {
        String orderId = request.body().replaceAll(".*\"orderId\":\"([^\"]+)\".*", "$1");
        int left = failuresLeft.getOrDefault(orderId, 0);
        if (left == REFUSE) {
            return 400;
        }
        if (left > 0) {
            failuresLeft.put(orderId, left - 1);
            return 503;
        }
        return 200;
    }

    private void start() {
        StreamsBuilder builder = new StreamsBuilder();
        NotificationsService.addTo(new Sources(builder), Mailer.webhook(target.url(), Duration.ofSeconds(2)));
        var props = StreamsSettings.exactlyOnce("eventline-notifications", Map.of("bootstrap.servers", "unused:9092"),
                stateDir);
        driver = new TopologyTestDriver(builder.build(props), props, NotificationsTopologyTest.T0);
        driver.createInputTopic(CustomerContracts.TOPIC, new StringSerializer(),
                new ByteArraySerializer()).pipeInput("alice", NotificationsTopologyTest.customer("alice",
                "alice@example.com"));
    }

    private void shipped(String orderId) {
        orders().pipeInput(orderId, NotificationsTopologyTest.order(orderId,
                new OrderShipped(orderId, "alice", NotificationsTopologyTest.ITEMS, "EUR", new Money(2050))));
    }

    private void cancelled(String orderId) {
        orders().pipeInput(orderId, NotificationsTopologyTest.order(orderId,
                new OrderCancelled(orderId, "alice", NotificationsTopologyTest.ITEMS, CancelReason.OUT_OF_STOCK)));
    }

    /** Lets the punctuator run until {@code count} mails were accepted; the driver's clock moves with it. */
    private void awaitAccepted(int count) {
        await().atMost(Duration.ofSeconds(20)).pollInSameThread().pollInterval(TICK).untilAsserted(() -> {
            settle();
            assertThat(target.accepted()).hasSize(count);
        });
        settle();
    }

    private TestRecord<String, byte[]> awaitDeadLetter() {
        TestOutputTopic<String, byte[]> letters = deadLetters();
        await().atMost(Duration.ofSeconds(20)).pollInSameThread().pollInterval(TICK).until(() -> {
            settle();
            return !letters.isEmpty();
        });
        return letters.readRecord();
    }

    private void settle() {
        driver.advanceWallClockTime(TICK);
    }

    private List<String> sentEventIds() {
        return driver.createOutputTopic(NotificationContracts.TOPIC, new StringDeserializer(),
                new ByteArrayDeserializer()).readValuesToList().stream()
                .map(value -> EnvelopeCodec.fromBytes(value).eventId().toString()).toList();
    }

    private TestInputTopic<String, byte[]> orders() {
        return driver.createInputTopic(OrderContracts.TOPIC, new StringSerializer(),
                new ByteArraySerializer());
    }

    private TestInputTopic<String, byte[]> replays() {
        return driver.createInputTopic(NotificationsService.MAIL_REPLAYS, new StringSerializer(),
                new ByteArraySerializer());
    }

    private TestOutputTopic<String, byte[]> deadLetters() {
        return driver.createOutputTopic("notifications.dlq", new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** What the dead-letter queue's replay sends: the original, addressed back to notifications. */
    private static TestRecord<String, byte[]> replayOf(TestRecord<String, byte[]> letter) {
        var headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.REPLAY_FOR, "notifications.dlq".getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetterHeaders.ATTEMPTS, "1".getBytes(StandardCharsets.UTF_8));
        return new TestRecord<>(letter.key(), letter.value(), headers, letter.timestamp());
    }

    private static String header(TestRecord<String, byte[]> record, String key) {
        var header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
