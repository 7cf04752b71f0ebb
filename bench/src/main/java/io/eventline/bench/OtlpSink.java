package io.eventline.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the bench sends spans: an OTLP/HTTP endpoint that reads each batch posted to
 * {@code /v1/traces} and drops it, answering 200 as a collector does. What is measured is the
 * platform's side of tracing (making, batching, encoding and sending spans), not a backend's.
 */
final class OtlpSink implements AutoCloseable {
    private final HttpServer server;
    private final AtomicLong posts = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    private OtlpSink(HttpServer server) {
        this.server = server;
    }

    static OtlpSink start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            OtlpSink sink = new OtlpSink(server);
            server.createContext("/v1/traces", exchange -> {
                try (InputStream body = exchange.getRequestBody()) {
                    sink.bytes.addAndGet(body.readAllBytes().length);
                }
                sink.posts.incrementAndGet();
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return sink;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the bench's OTLP sink", e);
        }
    }

    /** The base URL, as {@code --otlp-endpoint} takes it. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    long posts() {
        return posts.get();
    }

    long bytes() {
        return bytes.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
