package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.accounts.AccountsService;
import io.eventline.app.cli.Main;
import io.eventline.contracts.Money;
import io.eventline.contracts.accounts.Deposit;
import io.eventline.core.decider.Aggregate;
import io.eventline.core.decider.CommandEnvelope;
import io.eventline.core.dlq.DeadLetterHeaders;
import io.eventline.core.envelope.EventMetadata;
import io.eventline.core.envelope.Json;
import io.eventline.inventory.InventoryService;
import io.eventline.notifications.NotificationsService;
import io.eventline.orders.OrdersService;
import io.eventline.shipping.ShippingService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Orders placed while a rogue producer writes records no service can read onto every event and command
 * topic: the orders all end, the bad records are listed with their reasons and coordinates, and
 * replaying them counts nothing twice: a record still bad comes back once, to the service that failed.
 */
@Tag("integration")
class DeadLetterTest {
    private static final List<Aggregate<?, ?, ?>> EVENT_TOPICS = List.of(OrdersService.AGGREGATE,
            AccountsService.AGGREGATE, InventoryService.AGGREGATE, ShippingService.AGGREGATE,
            NotificationsService.AGGREGATE);
    /** Readers of a topic each of which must dead-letter every bad record on it, beside the others. */
    private static final Map<String, List<String>> READERS = Map.of(
            OrdersService.AGGREGATE.eventTopic(), List.of("analytics.dlq", "fraud.dlq"),
            NotificationsService.AGGREGATE.eventTopic(), List.of("notifications.dlq"));
    /**
     * Event topics whose reactions run in their decider's task (Sources.readAsWritten): they see what the
     * decider writes, never a record another producer puts on the topic, and the topic's other readers
     * (read models) skip event types they do not know, as a tolerant reader does. So an unknown type there
     * is nobody's dead letter; the other kinds still are (the read models').
     */
    private static final Set<String> UNKNOWN_TYPES_UNREAD = Set.of(AccountsService.AGGREGATE.eventTopic(),
            InventoryService.AGGREGATE.eventTopic());
    private static final List<Aggregate<?, ?, ?>> COMMAND_TOPICS = List.of(OrdersService.AGGREGATE,
            AccountsService.AGGREGATE, InventoryService.AGGREGATE, ShippingService.AGGREGATE,
            NotificationsService.AGGREGATE);
    private static final int ROUNDS = 3;

    @TempDir
    Path dataDir;

    @Test
    @Timeout(600)
    void shouldDeadLetterEveryBadRecordAndReplayItOnceWhenBadRecordsArriveAmongOrders() throws Exception {
        long seed = Long.getLong("eventline.seed", System.nanoTime());
        System.out.println("DeadLetterTest seed=" + seed + " (replay with -Deventline.seed=" + seed + ")");
        Scenario scenario = Scenario.generate(seed, 20, 10, 100);
        try (Eventline eventline = Eventline.start(PlatformInvariantsTest.config(dataDir, EventlineConfig.Saga.CHOREOGRAPHY));
             BadRecords bad = new BadRecords(eventline.bootstrapServers())) {
            eventline.awaitReady(Duration.ofSeconds(120));
            TestApi api = new TestApi(eventline.httpPort());
            PlatformRun.setUp(api, scenario);
            long started = System.nanoTime();
            Map<String, Integer> cancels = placeAmongBadRecords(api, scenario, bad);
            PlatformLedger ledger = new PlatformLedger(api, scenario, cancels);
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> ledger.check("seed " + seed));
            List<JsonNode> letters = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> list(api), listed -> everyBadRecordListed(listed, bad.written()));
            report("orders ended and bad records dead-lettered", started, bad.written().size(), letters);

            String customer = scenario.customers().getFirst().id();
            String good = goodDeadLetter(bad, customer);
            long balance = balance(api, customer);
            started = System.nanoTime();
            JsonNode replayed = TestApi.parse(api.post("/api/dlq/replay", "").body());
            Set<String> ids = StreamSupport.stream(replayed.get("ids").spliterator(), false).map(JsonNode::asText)
                    .collect(Collectors.toSet());
            assertThat(ids).contains(good).hasSize(replayed.get("replayed").asInt());
            assertThat(api.post("/api/dlq/" + good + "/replay", "").statusCode()).as("a second replay").isEqualTo(409);
            assertThat(api.post("/api/dlq/nothing.dlq-0-0/replay", "").statusCode()).isEqualTo(404);
            assertThat(api.get("/api/dlq?after=nothing.dlq-0-0").statusCode()).as("an unknown cursor").isEqualTo(400);
            assertThat(api.get("/api/dlq?limit=1001").statusCode()).isEqualTo(400);
            List<JsonNode> replayedBad = list(api).stream().filter(letter -> ids.contains(letter.get("id").asText()))
                    .filter(letter -> !letter.get("id").asText().equals(good)).toList();
            assertThat(replayedBad).hasSizeGreaterThanOrEqualTo(letters.size())
                    .allMatch(letter -> letter.get("replayed").asBoolean());
            List<JsonNode> again = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> secondAttempts(list(api)), back -> back.size() >= replayedBad.size());
            report("replayed bad records came back", started, replayedBad.size(), again);

            assertCameBackOnceEach(replayedBad, again);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(balance(api, customer))
                    .as("the good dead letter counted once").isEqualTo(balance + 100));
            ledger.check("seed " + seed + " after replay");
            assertThat(list(api).stream().filter(letter -> !letter.get("replayed").asBoolean()))
                    .as("nothing but the second attempts is left to replay").hasSize(again.size());
            assertCommandLine(eventline.httpPort(), again.getFirst().get("id").asText());
        }
    }

    private static Map<String, Integer> placeAmongBadRecords(TestApi api, Scenario scenario, BadRecords bad)
            throws Exception {
        Map<String, Integer> cancels = new HashMap<>();
        int chunk = scenario.orders().size() / ROUNDS;
        for (int round = 0; round < ROUNDS; round++) {
            int to = round == ROUNDS - 1 ? scenario.orders().size() : (round + 1) * chunk;
            Scenario part = new Scenario(scenario.seed(), scenario.customers(), scenario.skus(),
                    scenario.orders().subList(round * chunk, to));
            bad.writeEach(EVENT_TOPICS, COMMAND_TOPICS);
            cancels.putAll(PlatformRun.placeAll(api, part));
        }
        return cancels;
    }

    /** Each bad record listed, also by each of its topic's {@link #READERS} (the plug-ins, the mail effect). */
    private static boolean everyBadRecordListed(List<JsonNode> letters, List<BadRecords.Written> written) {
        Set<String> listed = letters.stream().flatMap(letter -> Stream.of("", queue(letter) + " ")
                .map(by -> by + source(letter) + " " + letter.get("reason").asText())).collect(Collectors.toSet());
        return written.stream().filter(w -> !(w.kind() == BadRecords.Kind.UNKNOWN_TYPE
                        && UNKNOWN_TYPES_UNREAD.contains(w.topic())))
                .allMatch(w -> Stream.concat(Stream.of(""), READERS.getOrDefault(w.topic(), List.of())
                .stream().map(queue -> queue + " ")).allMatch(by -> listed.contains(by + w.source() + " "
                + w.kind().reason.code())));
    }

    /** A dead letter of a record that is good now (a deposit of 1.00), as Kafka Streams would have written it. */
    private static String goodDeadLetter(BadRecords bad, String customerId) throws Exception {
        Deposit deposit = new Deposit(customerId, Money.of(new BigDecimal("1.00")));
        byte[] command = Json.write(new CommandEnvelope("dlq-deposit-" + customerId, "account.deposit", 1, customerId,
                AccountsService.AGGREGATE.commands().encode(deposit), new EventMetadata("dlq", "dlq", "test")));
        var landed = bad.raw("accounts.dlq", customerId, command, Map.of(
                DeadLetterHeaders.STREAMS_EXCEPTION, "java.lang.IllegalStateException",
                DeadLetterHeaders.STREAMS_MESSAGE, "a store was briefly unavailable",
                DeadLetterHeaders.STREAMS_TOPIC, AccountsService.AGGREGATE.commandTopic(),
                DeadLetterHeaders.STREAMS_PARTITION, "-1",
                DeadLetterHeaders.STREAMS_OFFSET, "0"));
        return "accounts.dlq-" + landed.partition() + "-" + landed.offset();
    }

    private static void assertCameBackOnceEach(List<JsonNode> letters, List<JsonNode> again) {
        assertThat(again).as("each replayed record came back once, from the one service that failed")
                .hasSize(letters.size());
        assertThat(again).as("new ids").noneMatch(letter -> letters.stream()
                .anyMatch(old -> old.get("id").asText().equals(letter.get("id").asText())));
        Map<String, Long> before = letters.stream().collect(Collectors.groupingBy(DeadLetterTest::shape,
                Collectors.counting()));
        Map<String, Long> after = again.stream().collect(Collectors.groupingBy(DeadLetterTest::shape,
                Collectors.counting()));
        assertThat(after).as("same dead-letter topics, source topics and reasons").isEqualTo(before);
    }

    private static void assertCommandLine(int port, String id) {
        String url = "http://127.0.0.1:" + port;
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Main()).setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()));
        assertThat(cli.execute("dlq", "list", "--url", url)).isZero();
        assertThat(out.toString()).contains(id).contains("dead letters");
        assertThat(cli.execute("dlq", "replay", "nothing.dlq-0-0", "--url", url)).isEqualTo(1);
        assertThat(cli.execute("dlq", "replay", id, "--url", url)).isZero();
        assertThat(cli.execute("dlq", "list", "--url", "http://127.0.0.1:1")).isEqualTo(1);
    }

    /** Dead letters of a second failure: replays that were still bad. */
    private static List<JsonNode> secondAttempts(List<JsonNode> letters) {
        return letters.stream().filter(letter -> letter.get("attempts").asInt() == 2).toList();
    }

    private static String shape(JsonNode letter) {
        return queue(letter) + " " + letter.get("topic").asText() + " " + letter.get("reason").asText();
    }

    private static String queue(JsonNode letter) {
        String id = letter.get("id").asText();
        return id.substring(0, id.indexOf(".dlq-") + 4);
    }

    private static String source(JsonNode letter) {
        return letter.get("topic").asText() + "-" + letter.get("partition").asInt() + "@" + letter.get("offset").asLong();
    }

    /** Every dead letter, page by page, each page asked as its predecessor's {@code Link: rel="next"} says. */
    private static List<JsonNode> list(TestApi api) {
        List<JsonNode> letters = new java.util.ArrayList<>();
        String next = "/api/dlq?limit=50";
        while (next != null) {
            var response = api.get(next);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            TestApi.parse(response.body()).forEach(letters::add);
            next = response.headers().firstValue("Link").map(link -> link.substring(1, link.indexOf('>')))
                    .orElse(null);
        }
        assertThat(letters.stream().map(letter -> letter.get("id").asText()).distinct().count())
                .as("each listed once").isEqualTo(letters.size());
        return letters;
    }

    private static long balance(TestApi api, String customerId) {
        return PlatformInvariantsTest.cents(api.json("/api/accounts/" + customerId).get("balance"));
    }

    private static void report(String what, long started, int written, List<JsonNode> letters) {
        Map<String, Long> byReason = letters.stream().collect(Collectors.groupingBy(
                letter -> letter.get("reason").asText(), java.util.TreeMap::new, Collectors.counting()));
        System.out.printf("DeadLetterTest: %s in %.1f s: %d records, %d dead letters %s%n", what,
                (System.nanoTime() - started) / 1e9, written, letters.size(), byReason);
    }

}
