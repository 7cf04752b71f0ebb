package io.eventline.app.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.app.load.LoadClient.Answer;
import io.eventline.core.envelope.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** An order's outcome, read with {@code ?wait=}: {@code SHIPPED}, or the reason it was cancelled. */
final class Outcomes {
    private static final String WAIT = "10s";

    private Outcomes() {
    }

    /**
     * Asks until the order is terminal or {@code timeout} is up. A 404 right after the 202 is the read
     * model not having seen the order yet: asked again.
     */
    static String await(LoadClient client, String orderId, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String status = "unknown";
        while (System.nanoTime() < deadline) {
            Answer answer = client.get("/api/orders/" + orderId + "?wait=" + WAIT);
            if (answer.status() == 200) {
                JsonNode order = Json.readTree(answer.body().getBytes(StandardCharsets.UTF_8));
                status = order.path("status").asText();
                if (status.equals("SHIPPED")) {
                    return status;
                }
                if (status.equals("CANCELLED")) {
                    return order.path("reason").asText("CANCELLED");
                }
            } else if (answer.status() != 404 && answer.status() != 503) {
                throw new LoadFailedException("GET /api/orders/" + orderId + " answered " + answer.status() + ": "
                        + answer.body());
            }
        }
        throw new LoadFailedException("order " + orderId + " had no outcome after " + timeout.toSeconds()
                + " s (last status " + status + ")");
    }
}
