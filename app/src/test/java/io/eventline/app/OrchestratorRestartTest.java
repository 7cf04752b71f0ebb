package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping the orchestrator in the middle of sagas and starting it again: every saga finishes where
 * it was, and nothing is done twice (the ledger's invariants are exact: one payment, one reservation,
 * one notification per order).
 */
@Tag("integration")
class OrchestratorRestartTest {
    @TempDir
    Path dataDir;

    @Test
    @Timeout(600)
    void shouldFinishEverySagaOnceAfterARestartInTheMiddle() throws Exception {
        long seed = Long.getLong("eventline.seed", System.nanoTime());
        System.out.println("OrchestratorRestartTest seed=" + seed + " (replay with -Deventline.seed=" + seed + ")");
        Scenario scenario = Scenario.generate(seed, 30, 10, 300);
        EventlineConfig config = PlatformInvariantsTest.config(dataDir, EventlineConfig.Saga.ORCHESTRATION);
        Map<String, Integer> cancels;
        try (Eventline eventline = Eventline.start(config)) {
            eventline.awaitReady(Duration.ofSeconds(120));
            TestApi api = new TestApi(eventline.httpPort());
            PlatformRun.setUp(api, scenario);
            cancels = PlatformRun.placeAll(api, scenario);
            // Closed at once: sagas are mid-way, their next commands not yet sent or not yet answered.
            long inFlight = StreamSupport.stream(api.json("/api/orders?limit=1000").spliterator(), false)
                    .filter(order -> !order.get("status").asText().matches("SHIPPED|CANCELLED")).count();
            System.out.println("OrchestratorRestartTest: " + inFlight + " orders in flight at the stop");
            assertThat(inFlight).as("sagas were mid-way when the orchestrator stopped").isPositive();
        }
        try (Eventline again = Eventline.start(config)) {
            again.awaitReady(Duration.ofSeconds(120));
            PlatformLedger ledger = new PlatformLedger(new TestApi(again.httpPort()), scenario, cancels);
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> ledger.check("seed " + seed));
            ledger.printSummary();
        }
    }
}
