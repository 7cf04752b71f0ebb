package io.eventline.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.core.envelope.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import picocli.CommandLine.Option;

/**
 * The running Eventline a command talks to, and how: {@code --url} and {@code --api-token}, a picocli
 * mixin for every command that calls the REST API.
 */
final class RunningEventline {
    @Option(names = "--url", defaultValue = "${env:EVENTLINE_URL:-http://127.0.0.1:8080}",
            description = "the running Eventline (default ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--api-token", defaultValue = "${env:EVENTLINE_API_TOKEN}", description = "its bearer token")
    String apiToken;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Response send(String method, String path, int... alsoFine) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (apiToken != null && !apiToken.isBlank()) {
            request.header("Authorization", "Bearer " + apiToken);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpTimeoutException e) {
            throw new IllegalStateException("no Eventline answers at " + url + " (start it, or pass --url)", e);
        }
        JsonNode body = response.body().isBlank() ? Json.mapper().nullNode()
                : Json.readTree(response.body().getBytes(StandardCharsets.UTF_8));
        boolean fine = response.statusCode() < 300
                || Arrays.stream(alsoFine).anyMatch(status -> status == response.statusCode());
        if (!fine) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + body.path("detail").asText(response.body()));
        }
        return new Response(response.statusCode(), body);
    }

    record Response(int status, JsonNode body) {
    }
}
