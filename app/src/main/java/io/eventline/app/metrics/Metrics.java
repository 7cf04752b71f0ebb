package io.eventline.app.metrics;

import io.eventline.app.broker.SweeperCounts;
import io.eventline.core.dlq.DeadLetterQueue;
import io.eventline.core.kafka.SharedAdmin;
import io.eventline.core.metrics.ProcessingObserver;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Eventline's metrics, served at {@code GET /metrics} in the Prometheus text format: what the
 * processors report ({@link #observer()}), what the cluster says (consumer lag, dead letters waiting),
 * the rebalances and the Kafka client and Streams metrics of this instance's streams, the JVM's.
 */
public final class Metrics implements AutoCloseable {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** How long a scrape waits for fresh values from the cluster before it serves the last ones. */
    private static final Duration SCRAPE_WAIT = Duration.ofSeconds(2);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ExecutorService refreshes = Executors.newVirtualThreadPerTaskExecutor();
    private final ProcessingMeters processing;
    private final Admin admin;
    private final Refresh lag;
    private final Refresh deadLetters;
    private volatile Refresh catalogSlot; // when this instance runs the catalog
    private final RebalanceMeters rebalances;
    private final KafkaMeters kafka;
    private final HttpMeters http;

    /**
     * @param streams this instance's streams by application id, as they are when asked
     * @param deadLetters the dead letters, shared with {@code /api/dlq}: one index kept up to date
     */
    public Metrics(Map<String, Object> clientSettings, Supplier<Map<String, KafkaStreams>> streams,
                   DeadLetterQueue deadLetters) {
        registry.config().meterFilter(KafkaMeters.only(KafkaMeters.KEPT))
                // Named against Prometheus's conventions (promtool's lint): a unit abbreviated, a gauge
                // ending in _count. Uptime and CPU usage say what matters of them.
                .meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time")
                        || id.getName().equals("system.cpu.count")));
        this.http = new HttpMeters(registry);
        this.processing = new ProcessingMeters(Clock.systemUTC());
        processing.bindTo(registry);
        this.admin = SharedAdmin.lease(clientSettings); // the process's one admin client
        LagMeters lags = new LagMeters(new ConsumerLag(admin, TIMEOUT));
        lags.bindTo(registry);
        this.lag = new Refresh("consumer lag", Duration.ofSeconds(2), lags::refresh, refreshes);
        DeadLetterMeters depths = new DeadLetterMeters(deadLetters);
        depths.bindTo(registry);
        this.deadLetters = new Refresh("dead letters", Duration.ofSeconds(5), depths::refresh, refreshes);
        refreshFailures("lag", lag);
        refreshFailures("dead-letters", this.deadLetters);
        FunctionCounter.builder("eventline.dlq.replays.aborted", deadLetters, DeadLetterQueue::replaysAborted)
                .description("Replays undone: their transaction aborted, nothing replayed (logged at WARN)")
                .register(registry);
        FunctionCounter.builder("eventline.dlq.replay.abort.failures", deadLetters,
                        DeadLetterQueue::replayAbortFailures)
                .description("Aborts of an undone replay that failed themselves (the transaction times out instead)")
                .register(registry);
        this.rebalances = new RebalanceMeters(streams);
        rebalances.bindTo(registry);
        this.kafka = new KafkaMeters(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** For every application's Streams settings, under {@link ProcessingObserver#CONFIG}. */
    public ProcessingObserver observer() {
        return processing;
    }

    /** Counts an HTTP request answered: Javalin's request logger, after each request. */
    public void httpRequest(Context ctx, Float millis) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        http.record(ctx.method().name(), endpoint == null ? null : endpoint.path, ctx.statusCode(), millis);
    }

    /** Adds the embedded broker's hanging-transaction sweeper. */
    public void bindSweeper(Supplier<SweeperCounts> counts) {
        new SweeperMeters(counts).bindTo(registry);
    }

    /**
     * Adds whether the catalog's connectors run and the source's lag, when this instance runs the
     * catalog service.
     */
    public void bindCatalogConnector(java.util.function.BooleanSupplier running, ConnectorMeters.SlotLag slotLag) {
        ConnectorMeters meters = new ConnectorMeters(running, slotLag);
        meters.bindTo(registry);
        catalogSlot = new Refresh("catalog slot lag", Duration.ofSeconds(5), meters::refresh, refreshes);
        refreshFailures("catalog-slot", catalogSlot);
    }

    private void refreshFailures(String what, Refresh refresh) {
        FunctionCounter.builder("eventline.metrics.refresh.failures", refresh, Refresh::failures)
                .description("Reads from the cluster for metrics that failed, keeping the last values (logged at WARN)")
                .tag("what", what)
                .register(registry);
    }

    /** Adds a service's Kafka client and Streams metrics. */
    public void bind(String service, KafkaStreams streams) {
        kafka.bind(service, streams);
    }

    /** {@code GET /metrics}; like every path but {@code /health/*}, it needs the API token when one is set. */
    public void register(RoutesConfig routes) {
        routes.get("/metrics", ctx -> ctx.contentType(CONTENT_TYPE).result(scrape()));
    }

    String scrape() {
        rebalances.refresh();
        kafka.refreshIfStale();
        Refresh slot = catalogSlot;
        CompletableFuture.allOf(lag.ifStale(), deadLetters.ifStale(),
                        slot == null ? CompletableFuture.completedFuture(null) : slot.ifStale())
                .completeOnTimeout(null, SCRAPE_WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
        return registry.scrape();
    }

    @Override
    public void close() {
        kafka.close();
        refreshes.shutdownNow();
        admin.close(Duration.ofSeconds(5));
        registry.close();
    }
}
