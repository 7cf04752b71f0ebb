package io.eventline.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Customers with an address, money and stock through the REST API, enough that every order of a run
 * ships: {@code c-<n>} with 1,000,000.00 EUR each, {@code sku-<n>} with 1,000,000 units each.
 */
final class SagaSetup {
    private SagaSetup() {
    }

    static void run(int port, int customers, int skus) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + port + "/api";
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            requests.add(json(base + "/customers/c-" + i, "PUT", "{\"name\":\"Customer " + i + "\",\"email\":\"c" + i
                    + "@example.com\",\"address\":{\"line1\":\"1 Rue\",\"city\":\"Lyon\",\"postcode\":\"69001\","
                    + "\"country\":\"FR\"}}"));
        }
        for (int i = 0; i < customers; i++) {
            requests.add(json(base + "/accounts/c-" + i + "/deposits", "POST", "{\"amount\":1000000}"));
        }
        for (int i = 0; i < skus; i++) {
            requests.add(json(base + "/inventory/sku-" + i + "/stock", "POST", "{\"quantity\":1000000}"));
        }
        sendAll(http, requests);
    }

    private static HttpRequest json(String url, String method, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static void sendAll(HttpClient http, List<HttpRequest> requests) {
        try (var pool = Executors.newFixedThreadPool(16)) {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (HttpRequest request : requests) {
                answers.add(pool.submit(() -> http.send(request, HttpResponse.BodyHandlers.ofString())));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("set-up: " + response.request().method() + " "
                            + response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("set-up failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            throw Cluster.interrupted(e);
        }
    }
}
