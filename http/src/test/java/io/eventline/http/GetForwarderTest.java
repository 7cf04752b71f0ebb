package io.eventline.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GetForwarderTest {
    private final GetForwarder forwarder = new GetForwarder(Duration.ofSeconds(2), Duration.ofSeconds(5));
    private final AtomicReference<String> receivedUri = new AtomicReference<>();
    private final AtomicReference<Headers> receivedHeaders = new AtomicReference<>();
    private HttpServer owner;

    @BeforeEach
    void startOwner() throws IOException {
        owner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        owner.createContext("/", exchange -> {
            receivedUri.set(exchange.getRequestURI().toString());
            receivedHeaders.set(exchange.getRequestHeaders());
            byte[] body = "{\"title\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        owner.start();
    }

    @AfterEach
    void stop() {
        owner.stop(0);
        forwarder.close();
    }

    @Test
    void shouldReturnTheOwnersStatusTypeAndBodyWhenItAnswers() throws Exception {
        ForwardedResponse response = forwarder.get(ownerHost(), "/api/accounts/alice", Map.of());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).hasValue("application/problem+json");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"title\":\"Not Found\"}");
    }

    @Test
    void shouldReplayThePathQueryAndCredentialsMarkedAsForwardedWhenForwarding() throws Exception {
        forwarder.get(ownerHost(), "/api/accounts/alice?asOf=2024-01-01T00%3A00%3A00Z", Map.of(
                "authorization", "Bearer s3cret", "X-Correlation-Id", "c-1", "Cookie", "session=1"));

        assertThat(receivedUri.get()).isEqualTo("/api/accounts/alice?asOf=2024-01-01T00%3A00%3A00Z");
        Headers headers = receivedHeaders.get();
        assertThat(headers.getFirst("Authorization")).isEqualTo("Bearer s3cret");
        assertThat(headers.getFirst("X-Correlation-Id")).isEqualTo("c-1");
        assertThat(headers.getFirst(GetForwarder.FORWARDED_HEADER)).isEqualTo("1");
        assertThat(headers.containsKey("Cookie")).isFalse();
    }

    @Test
    void shouldSayTheOwnerIsUnreachableWhenNothingListens() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HostInfo gone = new HostInfo("127.0.0.1", closedPort);

        assertThatThrownBy(() -> forwarder.get(gone, "/api/accounts/alice", Map.of()))
                .isInstanceOfSatisfying(OwnerUnreachableException.class,
                        e -> assertThat(e.owner()).isEqualTo(gone))
                .hasMessageContaining("/api/accounts/alice");
    }

    @Test
    void shouldRefuseToForwardOnceClosedEvenIfItNeverForwardedBefore() {
        forwarder.close(); // its HTTP client was never made: the first forward makes it

        assertThatThrownBy(() -> forwarder.get(ownerHost(), "/api/accounts/alice", Map.of()))
                .isInstanceOf(OwnerUnreachableException.class).hasMessageContaining("/api/accounts/alice");
        assertThat(receivedUri).hasNullValue();
    }

    private HostInfo ownerHost() {
        return new HostInfo("127.0.0.1", owner.getAddress().getPort());
    }
}
