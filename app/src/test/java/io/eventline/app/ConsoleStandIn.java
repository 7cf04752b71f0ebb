package io.eventline.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The console's own files (from the classpath, as Eventline serves them) and fixed answers to the API
 * it polls, which a test may change: the console in exactly the state a test wants, without a broker.
 * {@code /api/stream} sends one {@code stats} event counting nothing and ends; the page's
 * {@code EventSource} reconnects a second later ({@code retry: 1000}) for the next.
 */
final class ConsoleStandIn implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Canned> answers = new ConcurrentHashMap<>();

    private record Canned(int status, String body) {
    }

    ConsoleStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads); // the page asks several things at once
        server.createContext("/", exchange -> {
            try (exchange) {
                answer(exchange);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** From now on, {@code GET path} (without its query) answers 200 with this JSON. */
    ConsoleStandIn answering(String path, String json) {
        return answering(path, 200, json);
    }

    /**
     * From now on, {@code GET path} answers with this status and JSON: a problem
     * ({@code application/problem+json}, with {@code Retry-After: 1} for a 503) from 400 up.
     */
    ConsoleStandIn answering(String path, int status, String json) {
        answers.put(path, new Canned(status, json));
        return this;
    }

    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/")) {
            file(exchange, "console/index.html");
        } else if (path.startsWith("/console/")) {
            file(exchange, path.substring(1));
        } else if (path.startsWith("/webjars/")) {
            file(exchange, "META-INF/resources" + path);
        } else if (path.equals("/api/stream")) {
            send(exchange, 200, "text/event-stream", "retry: 1000\nevent: stats\ndata: {\"at\":\"" + Instant.now()
                    + "\",\"seconds\":1.0,\"read\":{},\"sent\":0,\"skipped\":0}\n\n");
        } else if (answers.containsKey(path)) {
            Canned canned = answers.get(path);
            if (canned.status() == 503) {
                exchange.getResponseHeaders().add("Retry-After", "1");
            }
            send(exchange, canned.status(), canned.status() >= 400 ? "application/problem+json" : "application/json",
                    canned.body());
        } else {
            send(exchange, 404, "application/problem+json", "{\"title\":\"Not Found\",\"status\":404,\"detail\":\""
                    + path + " is not in this stand-in\"}");
        }
    }

    private static void file(HttpExchange exchange, String resource) throws IOException {
        try (InputStream in = ConsoleStandIn.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                send(exchange, 404, "text/plain", resource + " is not on the classpath");
                return;
            }
            String extension = resource.substring(resource.lastIndexOf('.') + 1);
            send(exchange, 200, TYPES.getOrDefault(extension, "application/octet-stream"), in.readAllBytes());
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        send(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
