package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.contracts.notifications.NotificationContracts;
import io.eventline.core.dlq.DeadLetterHeaders;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eventline mailing through {@code --mail-webhook} to a provider that fails for a while: 503s, answers
 * that never come, and a 400 for one order until it is fixed. Every order's mail is accepted exactly
 * once under its idempotency key, the refused one after its dead letter is replayed, and nothing else
 * counts a notification twice.
 */
@Tag("integration")
class MailDeliveryTest {
    private static final int ORDERS = 50; // PlatformLedger samples 50 orders' correlation chains

    @TempDir
    Path dataDir;

    @Test
    @Timeout(120)
    void shouldMailEveryOrderOnceWhenTheProviderFailsForAWhileAndARefusedMailIsReplayed() throws Exception {
        long seed = Long.getLong("eventline.seed", System.nanoTime());
        System.out.println("MailDeliveryTest seed=" + seed + " (replay with -Deventline.seed=" + seed + ")");
        Scenario scenario = Scenario.generate(seed, 10, 5, ORDERS);
        Set<String> mailed = mailedOrders(scenario);
        String refused = mailed.stream().sorted().findFirst().orElseThrow();
        try (MailTarget target = new MailTarget((orderId, before) -> flaky(orderId, before, refused));
             Eventline eventline = Eventline.start(config(target))) {
            eventline.awaitReady(Duration.ofSeconds(120));
            TestApi api = new TestApi(eventline.httpPort());
            long started = System.nanoTime();
            PlatformRun.setUp(api, scenario);
            PlatformLedger ledger = new PlatformLedger(api, scenario, PlatformRun.placeAll(api, scenario));
            await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> ledger.check("seed " + seed));
            JsonNode letter = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> mailLetter(api), Optional::isPresent).orElseThrow();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(target.accepted()).hasSize(mailed.size() - 1));

            assertThat(letter.get("reason").asText()).isEqualTo("effect-failed");
            assertThat(letter.get("error").asText()).contains("answered 400");
            assertThat(target.keysByOrder()).as("one idempotency key per order").containsOnlyKeys(mailed)
                    .allSatisfy((order, keys) -> assertThat(keys).hasSize(1));
            String refusedKey = target.keysByOrder().get(refused).iterator().next();
            assertThat(target.accepted()).doesNotContainKey(refusedKey).allSatisfy((key, n) -> assertThat(n).isOne());
            assertRetried(target, mailed, refused);

            target.answer((orderId, before) -> 200); // the provider fixed what it refused
            assertThat(api.post("/api/dlq/" + letter.get("id").asText() + "/replay", "").statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(target.accepted()).containsKey(refusedKey));
            assertThat(api.post("/api/dlq/" + letter.get("id").asText() + "/replay", "").statusCode()).isEqualTo(409);

            ledger.check("seed " + seed + " after the replay");
            assertThat(target.accepted()).hasSize(mailed.size()).allSatisfy((key, n) -> assertThat(n).isOne());
            assertThat(notificationRecords(eventline.bootstrapServers())).as("notifications.events: once per order")
                    .hasSize(ORDERS).allSatisfy((order, n) -> assertThat(n).isOne());
            System.out.printf("MailDeliveryTest: %d orders, %d mails in %.1f s, %d requests%n", ORDERS, mailed.size(),
                    (System.nanoTime() - started) / 1e9, target.requests().values().stream().mapToInt(n -> n).sum());
        }
    }

    /**
     * Mails of every third order meet two 503s, of every fifth no answer the first time; the refused
     * order's meets a 400 until the provider is fixed.
     */
    private static int flaky(String orderId, int before, String refused) {
        int n = Integer.parseInt(orderId.substring(orderId.indexOf('-') + 1));
        if (orderId.equals(refused)) {
            return 400;
        }
        if (n % 3 == 0 && before < 2) {
            return 503;
        }
        return n % 5 == 1 && before == 0 ? MailTarget.SILENT : 200;
    }

    private static void assertRetried(MailTarget target, Set<String> mailed, String refused) {
        Map<String, String> keys = new HashMap<>();
        target.keysByOrder().forEach((order, set) -> keys.put(order, set.iterator().next()));
        for (String order : mailed) {
            int n = Integer.parseInt(order.substring(order.indexOf('-') + 1));
            int expected = order.equals(refused) ? 1 : n % 3 == 0 ? 3 : n % 5 == 1 ? 2 : 1;
            assertThat(target.requests().get(keys.get(order))).as("requests for %s's mail", order).isEqualTo(expected);
        }
    }

    /** The orders whose customer has an email: the others' notifications record that no mail could go. */
    private static Set<String> mailedOrders(Scenario scenario) {
        Set<String> withEmail = scenario.customers().stream()
                .filter(customer -> customer.address() != Scenario.AddressKind.NONE)
                .map(Scenario.Customer::id).collect(Collectors.toSet());
        return scenario.orders().stream().filter(order -> withEmail.contains(order.customerId()))
                .map(Scenario.Order::id).collect(Collectors.toSet());
    }

    private static Optional<JsonNode> mailLetter(TestApi api) {
        return StreamSupport.stream(api.json("/api/dlq").spliterator(), false)
                .filter(letter -> letter.get("id").asText().startsWith("notifications.dlq-"))
                .filter(letter -> letter.get("topic").asText().equals(NotificationContracts.TOPIC))
                .findFirst();
    }

    /** How many records each order has on notifications.events, as a read_committed consumer sees them. */
    private static Map<String, Integer> notificationRecords(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Integer> perOrder = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(NotificationContracts.TOPIC).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    assertThat(record.headers().lastHeader(DeadLetterHeaders.REPLAY_FOR)).isNull();
                    perOrder.merge(record.key(), 1, Integer::sum);
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
            });
        }
        return perOrder;
    }

    /**
     * The counts above hold only if every answer the provider gives comes within the mailer's timeout:
     * one that comes later was accepted, yet the mailer tries again (as it must: it cannot tell). At
     * 1 s, a stall of the loaded two-core CI machine (5 December, right after BrokerFailureTest) made
     * five answers late at once, four of them 200s: accepted twice. 3 s; the silent provider still
     * times out.
     */
    private EventlineConfig config(MailTarget target) {
        EventlineConfig plain = PlatformInvariantsTest.config(dataDir, EventlineConfig.Saga.CHOREOGRAPHY);
        return new EventlineConfig(plain.http(), plain.kafka(), dataDir, plain.saga(), plain.services(),
                new EventlineConfig.Mail(Optional.of(target.url()), Duration.ofSeconds(3)));
    }
}
