package io.eventline.app.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Sends generated requests as they are: any method, any content type or none, chunked or not. */
public final class FuzzClient {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
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
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
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
