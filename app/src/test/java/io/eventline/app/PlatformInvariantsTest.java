package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The choreographed platform end to end on the embedded broker, under a seeded random mix of orders,
 * checked by invariants that must hold exactly. Replay a failing run with {@code -Deventline.seed=N}.
 */
@Tag("integration")
class PlatformInvariantsTest {
    static final int CUSTOMERS = 50;
    static final int SKUS = 20;
    static final int ORDERS = 1_000;

    @TempDir
    Path dataDir;

    @Test
    @Timeout(600)
    void shouldEndEveryOrderOnceWithMoneyAndStockExactlyAccountedFor() throws Exception {
        long seed = Long.getLong("eventline.seed", System.nanoTime());
        System.out.println("PlatformInvariantsTest seed=" + seed + " (replay with -Deventline.seed=" + seed + ")");
        Scenario scenario = Scenario.generate(seed, CUSTOMERS, SKUS, ORDERS);
        try (Eventline eventline = Eventline.start(config())) {
            eventline.awaitReady(Duration.ofSeconds(120));
            TestApi api = new TestApi(eventline.httpPort());
            setUp(api, scenario);
            Map<String, Integer> cancels = placeAll(api, scenario);
            PlatformLedger ledger = new PlatformLedger(api, scenario, cancels);
            Instant started = Instant.now();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> ledger.check("seed " + seed));
            ledger.printSummary();
            assertThat(ledger.outcomes()).as("seed %d: the mix reached every outcome", seed)
                    .containsKeys("SHIPPED", "INSUFFICIENT_FUNDS", "OUT_OF_STOCK", "SHIPPING_UNAVAILABLE",
                            "CANCELLED_BY_CUSTOMER");
            assertSameSalesFromALateStart(api, eventline.bootstrapServers(), started.minus(Duration.ofHours(1)));
        }
    }

    private void assertSameSalesFromALateStart(TestApi api, String bootstrap, Instant from) {
        Instant to = Instant.now().plus(Duration.ofMinutes(5));
        Map<String, String> live = LateAnalytics.live(api, from, to);
        assertThat(live).as("the live analytics saw sales").isNotEmpty();
        try (LateAnalytics late = new LateAnalytics(bootstrap, dataDir.resolve("late-analytics"))) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(late.figures(from, to)).isEqualTo(live));
        }
    }

    private static void setUp(TestApi api, Scenario scenario) {
        for (Scenario.Customer customer : scenario.customers()) {
            if (customer.address() != Scenario.AddressKind.NONE) {
                String country = customer.address() == Scenario.AddressKind.ANTARCTICA ? "AQ" : "FR";
                assertThat(api.put("/api/customers/" + customer.id(), "{\"name\":\"Customer " + customer.id()
                        + "\",\"email\":\"" + customer.id() + "@example.com\",\"address\":{\"line1\":\"1 Rue\","
                        + "\"city\":\"Lyon\",\"postcode\":\"69001\",\"country\":\"" + country + "\"}}").statusCode())
                        .isEqualTo(200);
            }
            assertThat(api.post("/api/accounts/" + customer.id() + "/deposits",
                    "{\"amount\":" + customer.deposit() + "}").statusCode()).isEqualTo(200);
        }
        for (Scenario.Sku sku : scenario.skus()) {
            assertThat(api.post("/api/inventory/" + sku.id() + "/stock", "{\"quantity\":" + sku.stock() + "}")
                    .statusCode()).isEqualTo(200);
        }
    }

    /** Places every order, 32 at a time; returns the status each customer cancel was answered with. */
    private static Map<String, Integer> placeAll(TestApi api, Scenario scenario) throws InterruptedException {
        Map<String, Integer> cancels = new ConcurrentHashMap<>();
        Semaphore inFlight = new Semaphore(32);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Scenario.Order order : scenario.orders()) {
                inFlight.acquire();
                pool.submit(() -> {
                    try {
                        HttpResponse<String> placed = api.post("/api/orders", body(order));
                        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
                        if (order.cancelledByCustomer()) {
                            cancels.put(order.id(), api.post("/api/orders/" + order.id() + "/cancel", "").statusCode());
                        }
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        return cancels;
    }

    private static String body(Scenario.Order order) {
        StringBuilder items = new StringBuilder();
        for (Scenario.Item item : order.items()) {
            items.append(items.isEmpty() ? "" : ",").append("{\"sku\":\"").append(item.sku()).append("\",\"quantity\":")
                    .append(item.quantity()).append(",\"price\":").append(item.price()).append('}');
        }
        return "{\"orderId\":\"" + order.id() + "\",\"customerId\":\"" + order.customerId() + "\",\"items\":["
                + items + "],\"currency\":\"EUR\"}";
    }

    private EventlineConfig config() {
        return new EventlineConfig(new EventlineConfig.Http("127.0.0.1", 0, Optional.empty()),
                new EventlineConfig.Kafka(Optional.empty(), 0, Map.of()), dataDir, EventlineConfig.Saga.CHOREOGRAPHY,
                EventlineConfig.KNOWN_SERVICES);
    }

    static long cents(JsonNode amount) {
        return amount.decimalValue().movePointRight(2).longValueExact();
    }

    static long cents(String amount) {
        return new BigDecimal(amount).movePointRight(2).longValueExact();
    }

    static Set<String> orderIdsOf(JsonNode events, String eventType) {
        Set<String> ids = new HashSet<>();
        events.forEach(event -> {
            if (event.get("eventType").asText().equals(eventType)) {
                ids.add(event.get("data").get("orderId").asText());
            }
        });
        return ids;
    }
}
