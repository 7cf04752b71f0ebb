package io.eventline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.core.envelope.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/**
 * Orders one at a time through the REST API, as a customer places one: {@code POST /api/orders}, then
 * {@code GET /api/orders/{id}?wait=10s} until it is {@code SHIPPED}; timed from the POST to the answer
 * that says so. On an idle platform this is what one order costs end to end.
 */
final class RestOrders {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    RestOrders(int port) {
        this.base = "http://127.0.0.1:" + port + "/api/orders";
    }

    /** As {@link OrderFlow#sequential}: each order {@code gap} after the one before shipped. */
    SequentialOrders sequential(String run, int count, int customers, int skus, Duration gap, Duration limit) {
        double[] shipped = new double[count];
        int ok = 0;
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                Pause.of(gap);
            }
            String orderId = Orders.id(run, i);
            long started = System.nanoTime();
            if (place(orderId, "c-" + i % customers, "sku-" + i % skus)
                    && awaitShipped(orderId, started + limit.toNanos())) {
                shipped[ok++] = (System.nanoTime() - started) / 1e6;
            }
        }
        return SequentialOrders.of(Arrays.copyOf(shipped, ok), count - ok);
    }

    private boolean place(String orderId, String customerId, String sku) {
        String body = "{\"orderId\":\"" + orderId + "\",\"customerId\":\"" + customerId + "\",\"items\":[{\"sku\":\""
                + sku + "\",\"quantity\":1,\"price\":1.00}],\"currency\":\"" + Orders.CURRENCY + "\"}";
        HttpRequest post = HttpRequest.newBuilder(URI.create(base)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return send(post).statusCode() == 202;
    }

    /** True once the order is SHIPPED; false when it ended otherwise or the deadline passed. */
    private boolean awaitShipped(String orderId, long deadlineNanos) {
        HttpRequest get = HttpRequest.newBuilder(URI.create(base + "/" + orderId + "?wait=10s"))
                .timeout(Duration.ofSeconds(30)).GET().build();
        while (System.nanoTime() < deadlineNanos) {
            HttpResponse<String> answer = send(get);
            if (answer.statusCode() == 200) {
                String status = status(answer.body());
                if (status.equals("SHIPPED")) {
                    return true;
                }
                if (status.equals("CANCELLED")) {
                    return false;
                }
            } else if (answer.statusCode() == 404) {
                Pause.of(Duration.ofMillis(2)); // accepted, not yet in the read model: look again
            } else {
                return false;
            }
        }
        return false;
    }

    private static String status(String body) {
        try {
            JsonNode order = Json.mapper().readTree(body);
            return order.path("status").asText("");
        } catch (IOException e) {
            throw new IllegalStateException("GET /api/orders answered no JSON: " + e.getMessage(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            throw Cluster.interrupted(e);
        }
    }
}
