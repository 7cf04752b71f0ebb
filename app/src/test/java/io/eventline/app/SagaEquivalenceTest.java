package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two saga styles are interchangeable: the same seeded scenario of 1,000 orders (every kind of
 * failure) ends, choreographed and orchestrated, with the same outcome and reason for every order,
 * the same balances and the same stock.
 */
@Tag("integration")
class SagaEquivalenceTest {
    static final int ORDERS = 1_000;

    @TempDir
    Path dataDir;

    @Test
    @Timeout(900)
    void shouldEndTheSameScenarioAlikeInBothStyles() throws Exception {
        long seed = Long.getLong("eventline.seed", System.nanoTime());
        System.out.println("SagaEquivalenceTest seed=" + seed + " (replay with -Deventline.seed=" + seed + ")");
        Scenario scenario = Scenario.independent(seed, ORDERS);
        Map<String, String> choreographed = run(scenario, EventlineConfig.Saga.CHOREOGRAPHY);
        Map<String, String> orchestrated = run(scenario, EventlineConfig.Saga.ORCHESTRATION);

        assertThat(orchestrated).as("seed %d", seed).isEqualTo(choreographed);
        assertThat(choreographed.values()).as("seed %d: the scenario reaches every outcome", seed)
                .anyMatch(v -> v.startsWith("SHIPPED")).anyMatch(v -> v.contains("INSUFFICIENT_FUNDS"))
                .anyMatch(v -> v.contains("OUT_OF_STOCK")).anyMatch(v -> v.contains("SHIPPING_UNAVAILABLE"));
    }

    /** Every order's outcome, every balance and every sku's stock once the run is quiet. */
    private Map<String, String> run(Scenario scenario, EventlineConfig.Saga saga) throws Exception {
        try (Eventline eventline = Eventline.start(PlatformInvariantsTest.config(dataDir.resolve(saga.name()), saga))) {
            eventline.awaitReady(Duration.ofSeconds(120));
            TestApi api = new TestApi(eventline.httpPort());
            PlatformRun.setUp(api, scenario);
            PlatformRun.placeAll(api, scenario);
            Map<String, String> end = new TreeMap<>();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                end.clear();
                end.putAll(outcomes(api, scenario));
                assertThat(end.values()).noneMatch(v -> v.contains("reserved=") && !v.endsWith("reserved=0"));
            });
            return end;
        }
    }

    private static Map<String, String> outcomes(TestApi api, Scenario scenario) {
        Map<String, String> end = new TreeMap<>();
        JsonNode orders = api.json("/api/orders?limit=1000");
        assertThat(orders).hasSize(scenario.orders().size());
        orders.forEach(order -> {
            assertThat(order.get("status").asText()).isIn("SHIPPED", "CANCELLED");
            end.put(order.get("orderId").asText(), order.get("status").asText()
                    + (order.has("reason") ? " " + order.get("reason").asText() : ""));
        });
        for (Scenario.Customer customer : scenario.customers()) {
            end.put(customer.id(), "balance=" + api.json("/api/accounts/" + customer.id()).get("balance").asText());
        }
        for (Scenario.Sku sku : scenario.skus()) {
            if (sku.stock() > 0) {
                JsonNode stock = api.json("/api/inventory/" + sku.id());
                end.put(sku.id(), "available=" + stock.get("available").asText() + " reserved="
                        + stock.get("reserved").asText());
            }
        }
        return end;
    }
}
