package io.eventline.app.load;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** How a load reads to a person: one progress line while it runs, a table at the end, or JSON for scripts. */
public final class LoadReport {
    private static final int BAR = 24;

    private LoadReport() {
    }

    /** e.g. {@code [########········]  4,210/20,000 sent  4,100 done  498.2/s  p99 312 ms  0 errors}. */
    public static String progressLine(LoadProgress progress) {
        int filled = progress.orders() == 0 ? 0 : (int) (BAR * progress.done() / progress.orders());
        String bar = "#".repeat(filled) + "·".repeat(BAR - filled);
        return String.format("[%s] %,7d/%,d sent  %,d done  %.1f/s  p99 %s  %,d errors  %s", bar, progress.sent(),
                progress.orders(), progress.done(), progress.throughput(), millis(progress.latency().p99()),
                progress.failed(), progress.phase().name().toLowerCase().replace('_', ' '));
    }

    /** The summary: orders/s achieved, latency placed→terminal, outcomes by kind, errors. */
    public static String table(LoadProgress progress, LoadSettings settings, String url) {
        Percentiles latency = progress.latency();
        StringBuilder table = new StringBuilder();
        table.append(String.format("Load %s against %s: %,d orders at %,d/s over %d customers and %d skus, "
                        + "%d%% built to fail (%s)%n", progress.run(), url, settings.orders(), settings.rate(),
                settings.customers(), settings.skus(), settings.failurePercent(), progress.phase()));
        table.append(String.format("  %-28s %,12.1f%n", "orders/s achieved", progress.throughput()));
        table.append(String.format("  %-28s %,12.1f s%n", "elapsed", progress.elapsedSeconds()));
        table.append("  latency placed → terminal, from the intended send time (ms)\n");
        table.append(String.format("    %10s %10s %10s %10s %10s%n", "p50", "p95", "p99", "p99.9", "max"));
        table.append(String.format("    %,10.1f %,10.1f %,10.1f %,10.1f %,10.1f%n", latency.p50(), latency.p95(),
                latency.p99(), latency.p999(), latency.max()));
        table.append("  outcomes\n");
        new TreeMap<>(progress.outcomes()).forEach((outcome, count) ->
                table.append(String.format("    %-26s %,12d%n", outcome, count)));
        table.append(String.format("  %-28s %,12d%n", "errors", progress.failed()));
        if (progress.error() != null) {
            table.append("  last error: ").append(progress.error()).append('\n');
        }
        return table.toString();
    }

    /** The same figures as {@link #table}, as a map for JSON. */
    public static Map<String, Object> json(LoadProgress progress, LoadSettings settings, String url) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run", progress.run());
        json.put("url", url);
        json.put("phase", progress.phase().name());
        json.put("orders", settings.orders());
        json.put("rate", settings.rate());
        json.put("customers", settings.customers());
        json.put("skus", settings.skus());
        json.put("failurePercent", settings.failurePercent());
        json.put("ordersPerSecond", progress.throughput());
        json.put("elapsedSeconds", progress.elapsedSeconds());
        Percentiles latency = progress.latency();
        json.put("latencyMillis", Map.of("p50", latency.p50(), "p95", latency.p95(), "p99", latency.p99(),
                "p999", latency.p999(), "max", latency.max(), "count", latency.count()));
        json.put("outcomes", new TreeMap<>(progress.outcomes()));
        json.put("errors", progress.failed());
        json.put("lastError", progress.error());
        return json;
    }

    private static String millis(double value) {
        return value < 1000 ? String.format("%.0f ms", value) : String.format("%.2f s", value / 1000);
    }
}
