package io.eventline.app;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;

/**
 * An HTTP server on a free loopback port answering as a test says, for the test helpers that talk to
 * the REST API: does a helper notice an answer it must not accept?
 */
final class FakeApi implements AutoCloseable {
    record Answer(int status, String body) {
    }

    private final HttpServer server;

    /** @param answer the answer to a method and a path with its query */
    FakeApi(BiFunction<String, String, Answer> answer) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            Answer reply = answer.apply(exchange.getRequestMethod(), exchange.getRequestURI().toString());
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    TestApi api() {
        return new TestApi(server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
