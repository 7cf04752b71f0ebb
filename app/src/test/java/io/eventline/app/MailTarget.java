package io.eventline.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail provider's webhook on a free local port. It answers each request as {@code answer} says,
 * given the order the mail is about and how many requests that order's mail made before (a status,
 * or {@link #SILENT}: no answer at all), and keeps count, per idempotency key, of requests and of
 * acceptances (2xx).
 */
final class MailTarget implements AutoCloseable {
    static final int SILENT = -1;
    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\":\"([^\"]+)\"");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Integer> requests = new ConcurrentHashMap<>();
    private final Map<String, Integer> accepted = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> keysByOrder = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile BiFunction<String, Integer, Integer> answer;

    MailTarget(BiFunction<String, Integer, Integer> answer) throws IOException {
        this.answer = answer;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/mail", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mail");
    }

    void answer(BiFunction<String, Integer, Integer> next) {
        answer = next;
    }

    Map<String, Integer> requests() {
        return Map.copyOf(requests);
    }

    Map<String, Integer> accepted() {
        return Map.copyOf(accepted);
    }

    /** The idempotency keys each order's mail came under: one each, were all well. */
    Map<String, Set<String>> keysByOrder() {
        return Map.copyOf(keysByOrder);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher order = ORDER_ID.matcher(body);
            if (key == null || !order.find()) {
                exchange.sendResponseHeaders(422, -1);
                return;
            }
            keysByOrder.computeIfAbsent(order.group(1), id -> ConcurrentHashMap.newKeySet()).add(key);
            int status = answer.apply(order.group(1), requests.merge(key, 1, Integer::sum) - 1);
            if (status == SILENT) {
                closing.await(60, TimeUnit.SECONDS); // the client gives up long before: a target that hangs
                return;
            }
            if (status / 100 == 2) {
                accepted.merge(key, 1, Integer::sum);
            }
            exchange.sendResponseHeaders(status, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
