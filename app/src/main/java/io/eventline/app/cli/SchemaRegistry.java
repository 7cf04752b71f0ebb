package io.eventline.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.eventline.core.envelope.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A schema registry spoken to through Confluent's REST API, the one Apicurio's ccompat API and
 * Redpanda's also serve: {@code POST /subjects/{subject}/versions} with {@code {"schemaType": "JSON",
 * "schema": "<the schema as a string>"}} answers {@code {"id": N}} (the same id again for a schema
 * already registered), and an error {@code {"error_code": …, "message": …}}.
 */
final class SchemaRegistry {
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SchemaRegistry(String url) {
        this.url = url.replaceAll("/+$", "");
    }

    /** Registers a JSON Schema under a subject. @return the registry's id for it */
    int register(String subject, JsonNode schema) throws IOException, InterruptedException {
        ObjectNode body = Json.mapper().createObjectNode().put("schemaType", "JSON").put("schema", Json.writeString(schema));
        String path = "/subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8) + "/versions";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", CONTENT_TYPE).header("Accept", CONTENT_TYPE + ", application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(body))).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpTimeoutException e) {
            throw new IllegalStateException("no schema registry answers at " + url + " (start one, or pass --registry)", e);
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() >= 300 || !answer.path("id").canConvertToInt()) {
            throw new IllegalStateException("the schema registry at " + url + " refused " + subject + ": HTTP "
                    + response.statusCode() + (answer.has("error_code") ? ", error " + answer.get("error_code") : "")
                    + ", " + answer.path("message").asText(oneLine(response.body())));
        }
        return answer.get("id").asInt();
    }

    String url() {
        return url;
    }

    private static JsonNode parse(String body) {
        try {
            return Json.readTree(body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Json.mapper().missingNode(); // not JSON: the status and the body's first line say enough
        }
    }

    private static String oneLine(String body) {
        String line = body.lines().findFirst().orElse("no body");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
