package io.eventline.app.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.core.envelope.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/** The snapshots' versions as a running Eventline's REST API answers them; 404: version 0, no event applied. */
public final class RestSnapshots implements Snapshots {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final Optional<String> apiToken;

    public RestSnapshots(String url, Optional<String> apiToken) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.apiToken = apiToken;
    }

    @Override
    public OptionalLong version(String topic, String aggregateId) {
        return Snapshots.path(topic, aggregateId).map(this::version).orElse(OptionalLong.empty());
    }

    private OptionalLong version(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30));
        apiToken.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) {
                return OptionalLong.of(0);
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            JsonNode body = Json.readTree(response.body());
            return OptionalLong.of(body.path("version").asLong());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + path, e);
        }
    }
}
