package io.eventline.app.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.core.envelope.Json;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Optional;

/** Whether an answer is the problem a malformed request must get; says what is wrong if not. */
public final class ProblemCheck {
    private static final String PROBLEM = "application/problem+json";

    private ProblemCheck() {
    }

    /** @return empty when the answer is right, else why it is not */
    public static Optional<String> check(FuzzRequest request, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (!request.expected().statuses().contains(status)) {
            return Optional.of("status " + status + ", expected " + request.expected().statuses());
        }
        Optional<String> type = response.headers().firstValue("Content-Type");
        if (type.isEmpty() || !type.get().startsWith(PROBLEM)) {
            return Optional.of("Content-Type " + type.orElse("(none)") + ", expected " + PROBLEM);
        }
        JsonNode problem;
        try {
            problem = Json.readTree(response.body());
        } catch (IOException e) {
            return Optional.of("the body is no JSON: " + e.getMessage());
        }
        return shape(problem, status).or(() -> field(problem, request.expected().field()));
    }

    private static Optional<String> shape(JsonNode problem, int status) {
        for (String member : new String[] {"type", "title", "detail"}) {
            if (!problem.path(member).isTextual()) {
                return Optional.of("no '" + member + "' in " + problem);
            }
        }
        if (problem.path("status").intValue() != status) {
            return Optional.of("'status' " + problem.path("status") + " is not the HTTP status " + status);
        }
        return Optional.empty();
    }

    private static Optional<String> field(JsonNode problem, Optional<String> expected) {
        if (expected.isEmpty()) {
            return Optional.empty();
        }
        JsonNode named = problem.path("errors").path(0).path("field");
        if (!named.isTextual() || !named.textValue().equals(expected.get())) {
            return Optional.of("errors[0].field " + named + ", expected '" + expected.get() + "'"
                    + " (detail: " + problem.path("detail").asText() + ")");
        }
        return Optional.empty();
    }
}
