package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.core.query.KeyOwner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Eventline processes on one cluster split each service's partitions, and so its stores: a GET
 * for any key must be answered alike by either, and by the one left when the other stops.
 */
@Tag("integration")
class TwoInstancesTest {
    private static final Duration READY = Duration.ofSeconds(120);
    private static final List<String> ACCOUNTS = ids("acc-", 40);
    private static final List<String> SKUS = ids("sku-", 20);
    private static final List<String> CUSTOMERS = ids("cus-", 12);

    @TempDir
    Path dataDir;

    @Test
    @Timeout(300)
    void shouldAnswerEveryKeyFromEitherInstanceAndFromTheSurvivorWhenTheOtherStops() throws Exception {
        try (Eventline a = Eventline.start(PlatformInvariantsTest.config(dataDir.resolve("a"),
                EventlineConfig.Saga.CHOREOGRAPHY))) {
            a.awaitReady(READY);
            TestApi apiA = new TestApi(a.httpPort());
            Eventline b = Eventline.start(joining(a.bootstrapServers()));
            Map<String, String> answers;
            long stopping;
            try {
                answers = writeThenReadFromBoth(a, b);
            } finally {
                stopping = System.nanoTime();
                b.close();
            }
            System.out.printf("TwoInstancesTest: B stopped in %.1f s%n", (System.nanoTime() - stopping) / 1e9);
            // Well within the 45 s session timeout: the stopped instance left the group.
            await("every key answered by the survivor").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(readAll(apiA)).isEqualTo(answers));
            System.out.printf("TwoInstancesTest: every key answered by A alone %.1f s after B began to stop%n",
                    (System.nanoTime() - stopping) / 1e9);
            assertThat(held(a, "accounts", "accounts-snapshots", ACCOUNTS)).isEqualTo(ACCOUNTS.size());
        }
    }

    /** @return every keyed GET's answer, the same from either instance */
    private static Map<String, String> writeThenReadFromBoth(Eventline a, Eventline b) throws Exception {
        b.awaitReady(READY);
        await("both instances running").atMost(READY).until(() -> a.isReady() && b.isReady());
        TestApi apiA = new TestApi(a.httpPort());
        writeThrough(apiA);
        // Its orders may share ids with the keys above: every one ends before the keys are read.
        assertListsAreWholeFromEither(a.httpPort(), b.httpPort());
        await("every write readable").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(readAll(apiA).values()).allMatch(answer -> answer.startsWith("200 ")));
        Map<String, String> answers = readAll(apiA);
        assertThat(readAll(new TestApi(b.httpPort()))).isEqualTo(answers);
        assertBothHoldSomeKeys(a, b);
        assertAForwardedRequestIsNotForwardedAgain(a, b);
        assertAPageOfAnotherSiteChangesNothing(a.httpPort());
        return answers;
    }

    /**
     * No token, the loopback default: a page of another site, or one DNS-rebound to 127.0.0.1, is
     * refused before any handler (403 for a foreign Origin, 421 for a foreign Host) and changes nothing;
     * the console's own origin and clients without one (this test's) still write.
     */
    private static void assertAPageOfAnotherSiteChangesNothing(int port) throws Exception {
        String self = "127.0.0.1:" + port;
        String projection = "/api/projections/orders-view";
        String before = new TestApi(port).json(projection).toString();
        for (String[] page : List.of(new String[] {"Host: evil.example:" + port},
                new String[] {"Origin: https://evil.example"}, new String[] {"Sec-Fetch-Site: cross-site"},
                new String[] {"Origin: http://localhost:" + port})) {
            String host = page[0].startsWith("Host") ? page[0].substring(6) : self;
            String[] headers = page[0].startsWith("Host") ? new String[0] : page;
            for (String path : List.of(projection + "/rebuild", "/api/dlq/replay", "/api/orders/" + ACCOUNTS.get(0)
                    + "/cancel", "/api/load")) {
                RawHttp.Answer answer = RawHttp.send(port, path.equals("/api/load") ? "DELETE" : "POST", path, host,
                        headers);
                assertThat(answer.status()).as("%s with %s: %s", path, page[0], answer.body())
                        .isEqualTo(page[0].startsWith("Host") ? 421 : 403);
                assertThat(answer.body()).contains("\"status\":" + answer.status());
            }
        }
        assertThat(RawHttp.send(port, "GET", "/api/accounts/" + ACCOUNTS.get(0), "evil.example:" + port).status())
                .as("a rebound page reads nothing either").isEqualTo(421);
        assertThat(new TestApi(port).json(projection).toString()).as("no rebuild started").isEqualTo(before);
        RawHttp.Answer console = RawHttp.send(port, "POST", "/api/dlq/replay", "localhost:" + port,
                "Origin: http://localhost:" + port, "Sec-Fetch-Site: same-origin");
        assertThat(console.status()).as("the console's own page: %s", console.body()).isEqualTo(202);
    }

    private EventlineConfig joining(String bootstrapServers) {
        return new EventlineConfig(new EventlineConfig.Http("127.0.0.1", 0, Optional.empty()),
                new EventlineConfig.Kafka(Optional.of(bootstrapServers), 0, Map.of()), dataDir.resolve("b"),
                EventlineConfig.Saga.CHOREOGRAPHY, EventlineConfig.ORDER_SERVICES);
    }

    private static void writeThrough(TestApi api) {
        for (int i = 0; i < ACCOUNTS.size(); i++) {
            String deposit = "{\"amount\": " + (10 + i) + ".25}";
            assertThat(api.post("/api/accounts/" + ACCOUNTS.get(i) + "/deposits", deposit).statusCode()).isEqualTo(200);
        }
        for (int i = 0; i < SKUS.size(); i++) {
            String stock = "{\"quantity\": " + (1 + i) + "}";
            assertThat(api.post("/api/inventory/" + SKUS.get(i) + "/stock", stock).statusCode()).isEqualTo(200);
        }
        for (String id : CUSTOMERS) {
            assertThat(api.put("/api/customers/" + id, "{\"name\":\"Customer " + id + "\",\"email\":\"" + id
                    + "@example.com\",\"address\":{\"line1\":\"1 Rue\",\"city\":\"Lyon\",\"postcode\":\"69001\","
                    + "\"country\":\"FR\"}}").statusCode()).isEqualTo(200);
        }
    }

    /** Every keyed GET's answer, as {@code "<status> <body>"} by path. */
    private static Map<String, String> readAll(TestApi api) {
        Map<String, String> answers = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>();
        ACCOUNTS.forEach(id -> paths.addAll(List.of("/api/accounts/" + id, "/api/accounts/" + id + "/events",
                "/api/accounts/" + id + "?asOf=2100-01-01T00%3A00%3A00Z")));
        SKUS.forEach(sku -> paths.addAll(List.of("/api/inventory/" + sku, "/api/inventory/" + sku + "/events")));
        CUSTOMERS.forEach(id -> paths.add("/api/customers/" + id));
        for (String path : paths) {
            HttpResponse<String> response = api.get(path);
            answers.put(path, response.statusCode() + " " + response.body());
        }
        return answers;
    }

    private static void assertBothHoldSomeKeys(Eventline a, Eventline b) throws InterruptedException {
        for (var store : List.of(new Store("accounts", "accounts-snapshots", ACCOUNTS),
                new Store("inventory", "inventory-snapshots", SKUS), new Store("customers", "customers-table",
                        CUSTOMERS))) {
            int onA = held(a, store.service(), store.name(), store.keys());
            int onB = held(b, store.service(), store.name(), store.keys());
            System.out.printf("TwoInstancesTest: %s keys held by A %d, by B %d%n", store.name(), onA, onB);
            assertThat(onA).as("%s keys held by A", store.name()).isPositive();
            assertThat(onB).as("%s keys held by B", store.name()).isPositive();
            assertThat(onA + onB).as("each %s key held once", store.name()).isEqualTo(store.keys().size());
        }
    }

    /** A request marked as forwarded, for a key the receiver does not hold: a 503, not a second hop. */
    private static void assertAForwardedRequestIsNotForwardedAgain(Eventline a, Eventline b) throws Exception {
        String heldByB = null;
        for (String id : ACCOUNTS) {
            if (b.locate("accounts", "accounts-history", id) instanceof KeyOwner.Local) {
                heldByB = id;
                break;
            }
        }
        HttpResponse<String> response;
        try (HttpClient http = HttpClient.newHttpClient()) {
            response = http.send(HttpRequest.newBuilder(
                            // /events is routed by accounts-history, the store located above: the history table
                            // is a sub-topology of its own, whose partitions need not sit where the snapshots'
                            // do (the account itself is read from the accounts-view read model).
                            URI.create("http://127.0.0.1:" + a.httpPort() + "/api/accounts/" + heldByB + "/events"))
                    .header("X-Eventline-Forwarded", "1").GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = TestApi.parse(response.body());
        assertThat(problem.get("detail").asText()).contains("moved");
    }

    /** Each instance lists its partitions' part only; either answers the whole list, merged and sorted. */
    private static void assertListsAreWholeFromEither(int portA, int portB) throws Exception {
        TestApi apiA = new TestApi(portA);
        TestApi apiB = new TestApi(portB);
        Scenario scenario = Scenario.generate(11, 6, 4, 30);
        PlatformRun.setUp(apiA, scenario);
        PlatformRun.placeAll(apiA, scenario);
        Set<String> placed = scenario.orders().stream().map(Scenario.Order::id).collect(Collectors.toSet());
        await("every order terminal, notified and listed").atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            JsonNode orders = apiA.json("/api/orders?limit=1000");
            assertThat(orders).filteredOn(order -> placed.contains(order.get("orderId").asText()))
                    .hasSize(placed.size())
                    .allMatch(order -> List.of("SHIPPED", "CANCELLED").contains(order.get("status").asText()));
            assertThat(apiA.json("/api/notifications")).hasSize(placed.size());
        });
        for (String list : List.of("/api/orders?limit=1000", "/api/notifications", "/api/fraud/alerts",
                "/api/analytics/sales")) {
            // A refund or a release may still land in the orders' list between two reads: awaited.
            await(list + " alike from A and B").atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(apiB.json(list)).as("%s from B", list).isEqualTo(apiA.json(list)));
            JsonNode whole = apiA.json(list);
            int partA = local(portA, list).size();
            int partB = local(portB, list).size();
            System.out.printf("TwoInstancesTest: %s: %d items, %d from A's partitions, %d from B's%n", list,
                    whole.size(), partA, partB);
            assertThat(partA + partB).as("%s: the parts make the whole", list).isEqualTo(whole.size());
            if (list.startsWith("/api/orders")) {
                assertThat(partA).as("A holds some orders").isPositive();
                assertThat(partB).as("B holds some orders").isPositive();
            }
        }
        JsonNode newest = apiA.json("/api/orders?limit=1000");
        assertThat(apiB.json("/api/orders?limit=5")).as("a limit cuts the merged list")
                .containsExactlyElementsOf(() -> IntStream.range(0, 5).mapToObj(newest::get).iterator());
    }

    /** What one instance answers from its own partitions: a request marked as forwarded. */
    private static JsonNode local(int port, String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + path))
                    .header("X-Eventline-Forwarded", "1").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return TestApi.parse(response.body());
        }
    }

    private static int held(Eventline instance, String service, String store, List<String> keys)
            throws InterruptedException {
        int held = 0;
        for (String key : keys) {
            if (instance.locate(service, store, key) instanceof KeyOwner.Local) {
                held++;
            }
        }
        return held;
    }

    private static List<String> ids(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
    }

    private record Store(String service, String name, List<String> keys) {
    }
}
