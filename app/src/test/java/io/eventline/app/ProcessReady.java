package io.eventline.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** When a child {@link EventlineProcess} counts as ready. */
sealed interface ProcessReady {
    /** {@code run} and {@code service}: once {@code /health/ready} answers 200 on this port. */
    record Http(int port) implements ProcessReady {
    }

    /** {@code broker}, which serves no HTTP: once its log holds this text. */
    record LogSays(String text) implements ProcessReady {
    }

    /** @param log the current start's log */
    default boolean reached(Path log) {
        return switch (this) {
            case Http http -> healthy(http.port());
            case LogSays says -> logged(log, says.text());
        };
    }

    private static boolean healthy(int port) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean logged(Path log, String text) {
        try {
            // Latin-1 reads any byte: a log line in another encoding must not hide the one awaited.
            return Files.exists(log) && new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            return false; // being written: read again at the next poll
        }
    }
}
