package io.eventline.app.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP API's requests, {@code http_server_requests_seconds}: by method, route template (not the
 * path, which holds ids: {@code /api/orders/{orderId}}, {@code UNMATCHED} for a path no route has),
 * status and outcome, with a few latency buckets for dashboards. Counts and latency of each route,
 * errors by status: what the dashboard and the 5xx alert read.
 */
final class HttpMeters {
    static final String UNMATCHED = "UNMATCHED";
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;

    HttpMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String method, String route, int status, double millis) {
        Timer.builder("http.server.requests")
                .description("HTTP requests answered, by route template and status")
                .tag("method", method)
                .tag("uri", route == null ? UNMATCHED : route)
                .tag("status", Integer.toString(status))
                .tag("outcome", outcome(status))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
    }

    static String outcome(int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }
}
