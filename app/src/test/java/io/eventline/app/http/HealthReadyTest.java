package io.eventline.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@code /health/ready} answers what the platform says of itself: 503 naming why, else 200. */
class HealthReadyTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldAnswer503NamingWhyWhenAReplyListenerDiedAnd200OnceRestarted() throws Exception {
        AtomicReference<Optional<String>> why = new AtomicReference<>(Optional.empty());
        int port = HttpApi.choosePort("127.0.0.1", 0);
        try (HttpApi api = HttpApi.start("127.0.0.1", port, Optional.empty(),
                AllowedHosts.of("127.0.0.1", "127.0.0.1", List.of()), why::get, app -> { }, (ctx, ms) -> { })) {
            assertThat(ready(port).statusCode()).isEqualTo(200);
            why.set(Optional.of("the reply listener of orders had stopped; it is restarted"));
            HttpResponse<String> down = ready(port);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(down.body()).contains("the reply listener of orders had stopped");
            why.set(Optional.empty());
            assertThat(ready(port).statusCode()).isEqualTo(200);
        }
    }

    private HttpResponse<String> ready(int port) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
