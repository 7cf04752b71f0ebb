package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.app.verify.Verdict;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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

    @ParameterizedTest
    @EnumSource(EventlineConfig.Saga.class)
    @Timeout(600)
    void shouldEndEveryOrderOnceWithMoneyAndStockExactlyAccountedFor(EventlineConfig.Saga saga) throws Exception {
        long seed = Long.getLong("eventline.seed", System.nanoTime());
        System.out.println("PlatformInvariantsTest " + saga + " seed=" + seed + " (replay with -Deventline.seed="
                + seed + ")");
        Scenario scenario = Scenario.generate(seed, CUSTOMERS, SKUS, ORDERS);
        try (Eventline eventline = Eventline.start(config(dataDir, saga))) {
            eventline.awaitReady(Duration.ofSeconds(120));
            TestApi api = new TestApi(eventline.httpPort());
            PlatformRun.setUp(api, scenario);
            Map<String, Integer> cancels = PlatformRun.placeAll(api, scenario);
            PlatformLedger ledger = new PlatformLedger(api, scenario, cancels);
            Instant started = Instant.now();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> ledger.check("seed " + seed));
            ledger.printSummary();
            assertThat(ledger.outcomes()).as("seed %d: the mix reached every outcome", seed)
                    .containsKeys("SHIPPED", "INSUFFICIENT_FUNDS", "OUT_OF_STOCK", "SHIPPING_UNAVAILABLE",
                            "CANCELLED_BY_CUSTOMER");
            String label = "PlatformInvariantsTest " + saga + " seed=" + seed;
            Verdict verdict = LogVerification.assertClean(label, eventline.bootstrapServers(), api);
            LogVerification.assertAsSent(label, verdict, scenario, ledger.outcomes());
            LogVerification.assertOneMailPerOrder(label, scenario, List.of(dataDir.resolve("mail")));
            AtRest.assertComesToRest(label, eventline.bootstrapServers());
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

    static EventlineConfig config(Path dataDir, EventlineConfig.Saga saga) {
        return new EventlineConfig(new EventlineConfig.Http("127.0.0.1", 0, Optional.empty()),
                new EventlineConfig.Kafka(Optional.empty(), 0, Map.of()), dataDir, saga,
                EventlineConfig.ORDER_SERVICES);
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
