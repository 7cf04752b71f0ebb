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
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The running Eventline a command talks to, and how: {@code --url} and the token options, a picocli
 * mixin for every command that calls the REST API.
 */
final class RunningEventline {
    @Option(names = "--url", defaultValue = "${env:EVENTLINE_URL:-http://127.0.0.1:8080}",
            description = "the running Eventline (default ${DEFAULT-VALUE})")
    String url;

    @Mixin
    ApiTokenOptions apiToken;

    // Made on first use: picocli instantiates every command's mixins when it builds the command line,
    // and each client keeps a selector thread for life, in every process, `run` and `broker` included.
    private HttpClient http;

    private HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        }
        return http;
    }

    Response send(String method, String path, int... alsoFine) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.noBody());
        apiToken().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        HttpResponse<String> response;
        try {
            response = http().send(request.build(), HttpResponse.BodyHandlers.ofString());
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

    /** @throws picocli.CommandLine.ParameterException as {@link ApiTokenOptions#token()} */
    Optional<String> apiToken() {
        return apiToken.token();
    }

    record Response(int status, JsonNode body) {
    }
}
