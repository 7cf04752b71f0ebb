package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuilding the orders read model while orders keep flowing: version 2 is built from offset 0 beside
 * version 1, which keeps answering; no query fails across the cut-over, and the rebuilt view equals
 * the old one key for key.
 */
@Tag("integration")
class ProjectionRebuildTest {
    private static final Executor VIRTUAL = task -> Thread.ofVirtual().name("rebuild-test").start(task);

    @TempDir
    Path dataDir;

    @Test
    @Timeout(600)
    void shouldRebuildBesideTheLiveViewWithoutAFailedQuery() throws Exception {
        long seed = Long.getLong("eventline.seed", System.nanoTime());
        System.out.println("ProjectionRebuildTest seed=" + seed);
        Scenario first = Scenario.generate(seed, 30, 10, 200);
        Scenario more = new Scenario(seed, first.customers(), first.skus(), first.orders().stream()
                .map(o -> new Scenario.Order("more-" + o.id(), o.customerId(), o.items(), false)).toList());
        try (Eventline eventline = Eventline.start(PlatformInvariantsTest.config(dataDir,
                EventlineConfig.Saga.CHOREOGRAPHY))) {
            eventline.awaitReady(Duration.ofSeconds(120));
            TestApi api = new TestApi(eventline.httpPort());
            PlatformRun.setUp(api, first);
            PlatformRun.placeAll(api, first);
            Map<String, String> before = awaitAllTerminal(api, first.orders().size());

            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            AtomicInteger queries = new AtomicInteger();
            AtomicBoolean querying = new AtomicBoolean(true);
            // Futures, not bare threads: a reader or writer that dies must fail the test, not end unseen.
            CompletableFuture<Void> reader = CompletableFuture.runAsync(
                    () -> readContinuously(api, first, querying, queries, failures), VIRTUAL);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> placeAll(api, more), VIRTUAL);

            HttpResponse<String> started = api.post("/api/projections/orders-view/rebuild", "");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                if (reader.isCompletedExceptionally()) {
                    reader.join(); // its failure, at once: not an assertion the wait would retry
                }
                assertThat(api.json("/api/projections/orders-view").get("activeVersion").asInt()).isEqualTo(2);
            });
            writer.get();
            querying.set(false);
            reader.get();

            assertThat(failures).as("queries that failed during the rebuild and cut-over").isEmpty();
            assertThat(queries.get()).as("queries made while it rebuilt").isGreaterThan(50);
            Map<String, String> after = awaitAllTerminal(api, first.orders().size() + more.orders().size());
            before.forEach((orderId, view) -> assertThat(after.get(orderId)).as(orderId).isEqualTo(view));
        }
    }

    private static void readContinuously(TestApi api, Scenario scenario, AtomicBoolean querying,
                                         AtomicInteger queries, ConcurrentLinkedQueue<String> failures) {
        Random random = new Random(1);
        while (querying.get()) {
            String orderId = scenario.orders().get(random.nextInt(scenario.orders().size())).id();
            HttpResponse<String> one = api.get("/api/orders/" + orderId);
            HttpResponse<String> list = api.get("/api/orders?limit=5");
            queries.addAndGet(2);
            if (one.statusCode() != 200) {
                failures.add("GET " + orderId + " " + one.statusCode() + " " + one.body());
            }
            if (list.statusCode() != 200) {
                failures.add("GET list " + list.statusCode() + " " + list.body());
            }
        }
    }

    private static void placeAll(TestApi api, Scenario scenario) {
        try {
            PlatformRun.placeAll(api, scenario);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while placing orders", e);
        }
    }

    /**
     * A cancelled order's forward steps that were done and have no compensation listed yet (a refund is
     * recorded after the order ends): {@code payment} is undone by {@code payment.refund}, and so on.
     */
    private static java.util.List<String> uncompensated(JsonNode order) {
        if (!order.get("status").asText().equals("CANCELLED")) {
            return java.util.List.of();
        }
        java.util.List<String> steps = new java.util.ArrayList<>();
        order.get("steps").forEach(step -> steps.add(step.get("step").asText() + " " + step.get("outcome").asText()));
        return steps.stream().filter(step -> step.endsWith(" DONE") && !step.contains("."))
                .map(step -> step.substring(0, step.indexOf(' ')))
                .filter(done -> steps.stream().noneMatch(step -> step.startsWith(done + ".")))
                .toList();
    }

    /** Every order's view, once every order is terminal and compensated: the view as text, steps included. */
    private static Map<String, String> awaitAllTerminal(TestApi api, int count) {
        Map<String, String> views = new TreeMap<>();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            views.clear();
            JsonNode orders = api.json("/api/orders?limit=1000");
            assertThat(orders).hasSize(count);
            for (JsonNode order : orders) {
                assertThat(order.get("status").asText()).isIn("SHIPPED", "CANCELLED");
                assertThat(uncompensated(order)).as("%s's done steps not yet undone", order.get("orderId")).isEmpty();
                views.put(order.get("orderId").asText(), order.toString());
            }
        });
        return views;
    }
}
