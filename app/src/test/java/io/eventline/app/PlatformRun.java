package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/** Plays a {@link Scenario} against a running Eventline through its REST API, 32 requests at a time. */
final class PlatformRun {
    private static final int IN_FLIGHT = 32;

    private PlatformRun() {
    }

    static void setUp(TestApi api, Scenario scenario) throws InterruptedException {
        inParallel(scenario.customers(), customer -> {
            if (customer.address() != Scenario.AddressKind.NONE) {
                String country = customer.address() == Scenario.AddressKind.ANTARCTICA ? "AQ" : "FR";
                assertAnswered(api.put("/api/customers/" + customer.id(), "{\"name\":\"Customer " + customer.id()
                        + "\",\"email\":\"" + customer.id() + "@example.com\",\"address\":{\"line1\":\"1 Rue\","
                        + "\"city\":\"Lyon\",\"postcode\":\"69001\",\"country\":\"" + country + "\"}}"), 200);
            }
            assertAnswered(api.post("/api/accounts/" + customer.id() + "/deposits",
                    "{\"amount\":" + customer.deposit() + "}"), 200);
        });
        inParallel(scenario.skus().stream().filter(sku -> sku.stock() > 0).toList(),
                sku -> assertAnswered(api.post("/api/inventory/" + sku.id() + "/stock",
                        "{\"quantity\":" + sku.stock() + "}"), 200));
    }

    /** The status, and if it is not the one expected, what came with it: which 503 it was tells why. */
    private static void assertAnswered(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("%s %s: %s %s", response.request().method(), response.request().uri(),
                response.headers().firstValue("Content-Type").orElse("no Content-Type"), response.body())
                .isEqualTo(status);
    }

    /** Places every order; returns the status each customer cancel was answered with. */
    static Map<String, Integer> placeAll(TestApi api, Scenario scenario) throws InterruptedException {
        Map<String, Integer> cancels = new ConcurrentHashMap<>();
        inParallel(scenario.orders(), order -> {
            HttpResponse<String> placed = api.post("/api/orders", body(order));
            assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
            if (order.cancelledByCustomer()) {
                cancels.put(order.id(), api.post("/api/orders/" + order.id() + "/cancel", "").statusCode());
            }
        });
        return cancels;
    }

    /**
     * Calls {@code call} on every item, {@link #IN_FLIGHT} at a time, and fails with the first call that
     * failed once all have ended: a failed assertion in a call must fail the test, not die in its future.
     */
    static <T> void inParallel(List<T> items, Consumer<T> call) throws InterruptedException {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<Future<?>> calls = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (T item : items) {
                inFlight.acquire();
                calls.add(pool.submit(() -> {
                    try {
                        call.accept(item);
                    } finally {
                        inFlight.release();
                    }
                }));
            }
        } // close() waits for every call
        Throwable first = null;
        int failed = 0;
        for (Future<?> done : calls) {
            try {
                done.get();
            } catch (ExecutionException e) {
                failed++;
                first = first == null ? e.getCause() : first;
            }
        }
        if (first != null) {
            throw new AssertionError(failed + " of " + items.size() + " calls failed, the first: " + first.getMessage(),
                    first);
        }
    }

    static String body(Scenario.Order order) {
        StringBuilder items = new StringBuilder();
        for (Scenario.Item item : order.items()) {
            items.append(items.isEmpty() ? "" : ",").append("{\"sku\":\"").append(item.sku()).append("\",\"quantity\":")
                    .append(item.quantity()).append(",\"price\":").append(item.price()).append('}');
        }
        return "{\"orderId\":\"" + order.id() + "\",\"customerId\":\"" + order.customerId() + "\",\"items\":["
                + items + "],\"currency\":\"EUR\"}";
    }
}
