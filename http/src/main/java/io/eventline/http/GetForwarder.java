package io.eventline.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Replays a GET on the instance that owns the key ({@link KeyOwner.Remote}) and returns its answer.
 * The replay carries the path and query string as received, the caller's {@code Authorization} (all
 * instances share the API token), {@code Accept} and {@code X-Correlation-Id}, and the
 * {@value #FORWARDED_HEADER} marker: an instance receiving a marked request answers it itself or
 * not at all, so a request is forwarded at most once and never loops while partitions move.
 * Thread-safe; one instance serves all routes.
 */
public final class GetForwarder implements AutoCloseable {
    public static final String FORWARDED_HEADER = "X-Eventline-Forwarded";
    private static final List<String> PASSED_ON = List.of("Authorization", "Accept", "X-Correlation-Id");

    private final Duration connectTimeout;
    private final Duration requestTimeout;
    /** Made at the first forward: a client has a selector thread, and a single instance never forwards. */
    private HttpClient http;
    private boolean closed;

    /**
     * @param requestTimeout how long the owner may take; longer than the owner's own wait for a
     *     rebalance, so that its 503 reaches the client rather than a timeout here
     */
    public GetForwarder(Duration connectTimeout, Duration requestTimeout) {
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
    }

    private synchronized HttpClient http() throws IOException {
        if (closed) {
            throw new IOException("this instance is shutting down");
        }
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return http;
    }

    /**
     * @param pathAndQuery the request's path as received (still percent-encoded), then {@code ?query} if any
     * @param requestHeaders the client's headers; only those listed above are passed on
     * @throws OwnerUnreachableException when the owner does not answer within the timeouts
     */
    public ForwardedResponse get(HostInfo owner, String pathAndQuery, Map<String, String> requestHeaders)
            throws InterruptedException {
        // Plain HTTP, as every instance serves it; HostInfo is what the owner advertised.
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://" + owner.host() + ":" + owner.port() + pathAndQuery))
                .timeout(requestTimeout).GET().header(FORWARDED_HEADER, "1");
        requestHeaders.forEach((name, value) -> {
            if (PASSED_ON.stream().anyMatch(name::equalsIgnoreCase)) {
                request.header(name, value);
            }
        });
        try {
            HttpResponse<byte[]> response = http().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new ForwardedResponse(response.statusCode(), response.headers().firstValue("Content-Type"),
                    response.body());
        } catch (IOException e) {
            throw new OwnerUnreachableException(owner, pathAndQuery, e);
        }
    }

    @Override
    public void close() {
        HttpClient client;
        synchronized (this) {
            closed = true;
            client = http;
        }
        if (client != null) {
            client.close(); // waits for the forwards under way
        }
    }
}
