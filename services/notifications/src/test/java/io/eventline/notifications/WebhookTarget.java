package io.eventline.notifications;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A mail webhook on a free local port, answering each request as {@code answer} says (a status, or
 * {@link #SILENT} for none within any sane timeout), and remembering every request it got.
 */
final class WebhookTarget implements AutoCloseable {
    static final int SILENT = -1;

    record Request(String method, String idempotencyKey, String contentType, String body, String traceparent) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> accepted = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Function<Request, Integer> answer;

    WebhookTarget(Function<Request, Integer> answer) {
        this.answer = answer;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/mail", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mail");
    }

    void answer(Function<Request, Integer> next) {
        this.answer = next;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** How many times each idempotency key was accepted (answered 2xx). */
    Map<String, Integer> accepted() {
        return Map.copyOf(accepted);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = new Request(exchange.getRequestMethod(),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("traceparent"));
            requests.add(request);
            int status = answer.apply(request);
            if (status == SILENT) {
                closing.await(30, TimeUnit.SECONDS); // the client gives up long before: a target that hangs
                return;
            }
            if (status / 100 == 2 && request.idempotencyKey() != null) {
                accepted.merge(request.idempotencyKey(), 1, Integer::sum);
            }
            byte[] body = ("status " + status).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
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
