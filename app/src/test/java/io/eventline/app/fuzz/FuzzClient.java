package io.eventline.app.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/** Sends generated requests as they are: any method, any content type or none, chunked or not. */
public final class FuzzClient {
    /**
     * Requests Jetty refuses before it has read them whole (a URI or headers over its limits): each goes
     * on a connection of its own. The rest of such a request is still on its way when Jetty answers,
     * and a pooled connection then handed the next request read garbage as its status line (a line of
     * the padding's {@code p}s, once in a few CI runs): the refusal was right, the connection was not
     * reusable.
     */
    private static final Set<String> CUT_SHORT = Set.of("uri-too-long", "headers-too-large");

    private final HttpClient http = client();
    private final String base;

    public FuzzClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public HttpResponse<byte[]> send(FuzzRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.path()))
                .timeout(Duration.ofSeconds(30))
                .method(request.method(), publisher(request));
        request.contentType().ifPresent(type -> builder.header("Content-Type", type));
        request.headers().forEach(builder::header);
        if (CUT_SHORT.contains(request.kind())) {
            try (HttpClient own = client()) {
                return send(own, builder.build(), request);
            }
        }
        return send(http, builder.build(), request);
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpResponse<byte[]> send(HttpClient client, HttpRequest built, FuzzRequest request) {
        try {
            return client.send(built, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(request + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.BodyPublisher publisher(FuzzRequest request) {
        if (!request.hasBody()) {
            return HttpRequest.BodyPublishers.noBody();
        }
        byte[] bytes = request.bytes();
        return request.chunked()
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                : HttpRequest.BodyPublishers.ofByteArray(bytes);
    }
}
