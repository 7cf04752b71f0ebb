package io.eventline.app.console;

import io.eventline.app.load.LoadClient;
import io.eventline.app.load.LoadGenerator;
import io.eventline.app.load.LoadProgress;
import io.eventline.app.load.LoadSettings;
import io.eventline.app.load.Percentiles;
import io.eventline.http.ApiException;
import io.eventline.http.RequestBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /api/load} {@code {orders, rate, failures?}} starts a load against this instance (202;
 * 409 while one runs); {@code GET /api/load} tells how the last one goes; {@code DELETE /api/load}
 * stops a running one and answers 200 with where it stopped (also when none runs: stopping is
 * idempotent). One load at a time: two would share the machine and blur each other's figures.
 */
final class LoadRoutes {
    /** How long a DELETE waits for the load to end: its orders' requests are interrupted, not awaited. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final LoadClient self;
    private LoadGenerator current;

    LoadRoutes(LoadClient self) {
        this.self = self;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/load", this::start);
        routes.get("/api/load", ctx -> ctx.json(view(progress())));
        routes.delete("/api/load", this::stop);
    }

    private void stop(Context ctx) throws InterruptedException {
        LoadGenerator load;
        synchronized (this) {
            load = current;
        }
        if (load == null) {
            ctx.json(view(LoadProgress.IDLE));
            return;
        }
        load.close();
        ctx.json(view(load.await(STOP_WAIT)));
    }

    private void start(Context ctx) {
        RequestBody body = RequestBody.parse(ctx.bodyAsBytes(), Set.of("orders", "rate", "failures"));
        int orders = body.integer("orders", 1, LoadSettings.MAX_ORDERS);
        int rate = body.integer("rate", 1, LoadSettings.MAX_RATE);
        int failures = body.has("failures") ? body.integer("failures", 0, 100) : 0;
        LoadProgress started;
        synchronized (this) {
            if (current != null && current.running()) {
                throw ApiException.conflict(null, "a load is running (" + current.progress().run()
                        + "): one at a time; GET /api/load tells when it ends");
            }
            current = LoadGenerator.start(self, LoadSettings.of(orders, rate, failures));
            started = current.progress();
        }
        ctx.status(202).header("Location", "/api/load").json(view(started));
    }

    private synchronized LoadProgress progress() {
        return current == null ? LoadProgress.IDLE : current.progress();
    }

    synchronized void close() {
        if (current != null) {
            current.close();
        }
    }

    /**
     * {@code {running, phase, run, orders, rate, sent, done, failed, outcomes, elapsed, throughput,
     * p50, p95, p99, p999, max, recent: {seconds, orders, p50, p99}, error}}; latencies in milliseconds.
     */
    private static Map<String, Object> view(LoadProgress progress) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("running", progress.running());
        view.put("phase", progress.phase().name());
        view.put("run", progress.run());
        view.put("orders", progress.orders());
        view.put("rate", progress.rate());
        view.put("sent", progress.sent());
        view.put("done", progress.done());
        view.put("failed", progress.failed());
        view.put("outcomes", progress.outcomes());
        view.put("elapsed", round(progress.elapsedSeconds()));
        view.put("throughput", round(progress.throughput()));
        view.put("p50", progress.latency().p50());
        view.put("p95", progress.latency().p95());
        view.put("p99", progress.latency().p99());
        view.put("p999", progress.latency().p999());
        view.put("max", progress.latency().max());
        Percentiles recent = progress.recent();
        view.put("recent", Map.of("seconds", LoadGenerator.RECENT.toSeconds(), "orders", recent.count(),
                "p50", recent.p50(), "p99", recent.p99()));
        view.put("error", progress.error());
        return view;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
