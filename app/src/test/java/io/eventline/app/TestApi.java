package io.eventline.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.core.envelope.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The REST API of a running Eventline, as a test client sees it: one process, or several that each
 * serve some paths, asked in turn as a load balancer would.
 */
final class TestApi {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Function<String, List<Integer>> portsServing;
    private final AtomicInteger turn = new AtomicInteger();
    private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();

    TestApi(int port) {
        this(path -> List.of(port));
    }

    /** @param portsServing the ports of the processes that serve a path: one of them is asked, in turn */
    TestApi(Function<String, List<Integer>> portsServing) {
        this.portsServing = portsServing;
    }

    HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(next(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> put(String path, String body) {
        return send(HttpRequest.newBuilder(next(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(next(path)).GET());
    }

    JsonNode json(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body());
    }

    static JsonNode parse(String body) {
        try {
            return Json.readTree(body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private URI next(String path) {
        List<Integer> ports = portsServing.apply(path);
        return uri(ports.get(Math.floorMod(turn.getAndIncrement(), ports.size())), path);
    }

    private static String kind(HttpResponse<String> response) {
        String[] segments = response.request().uri().getPath().split("/");
        String resource = String.join("/", java.util.Arrays.copyOfRange(segments, 0, Math.min(3, segments.length)));
        boolean problem = response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
        return response.statusCode() + " " + response.request().method() + " " + resource
                + (response.statusCode() >= 500 && !problem ? " (not a problem: the proxy's own)" : "")
                + (response.statusCode() == 404 && response.body().contains("\"detail\":\"Endpoint ")
                        ? " (no such endpoint: sent where the path is not served)" : "");
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /**
     * How many answers of each kind came, as {@code status METHOD /api/resource}; a 5xx not in a problem
     * (a proxy's own) is marked so.
     */
    Map<String, Integer> answers() {
        Map<String, Integer> counts = new TreeMap<>();
        answers.forEach((kind, count) -> counts.put(kind, count.get()));
        return counts;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            answers.computeIfAbsent(kind(response), k -> new AtomicInteger()).incrementAndGet();
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
