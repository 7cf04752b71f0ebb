package io.eventline.app.metrics;

import io.eventline.core.metrics.ProcessingObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What Eventline's processors report, as meters: how long a record waited from its timestamp until a
 * service processed it, per service; how many events each decider appended, per topic; and, for the
 * orders topic, how orders ended ({@link OrderMeters}).
 */
final class ProcessingMeters implements ProcessingObserver, MeterBinder {
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
        Duration.ofSeconds(30)};

    private final Clock clock;
    private final OrderMeters orders = new OrderMeters();
    private final Map<String, Timer> latencies = new ConcurrentHashMap<>();
    private final Map<String, Counter> appended = new ConcurrentHashMap<>();

    private MeterRegistry registry;

    ProcessingMeters(Clock clock) {
        this.clock = clock;
    }

    /** Bind before handing this to any streams: their threads report from their start. */
    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        orders.bindTo(registry);
    }

    @Override
    public void processed(String service, long timestampMs) {
        // A record stamped ahead of this clock (another machine's) counts as no wait, not a negative one.
        long waited = Math.max(0, clock.millis() - timestampMs);
        latencies.computeIfAbsent(service, this::latency).record(Duration.ofMillis(waited));
    }

    @Override
    public void appended(String topic, Instant created, Instant at, List<?> events) {
        appended.computeIfAbsent(topic, this::appendedTo).increment(events.size());
        orders.appended(topic, created, at, events);
    }

    private Timer latency(String service) {
        return Timer.builder("eventline.processing.latency")
                .description("Time from a record's timestamp (its event's or command's) until a service processed it")
                .tag("service", service(service))
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    private Counter appendedTo(String topic) {
        return Counter.builder("eventline.events.appended")
                .description("Events the services' deciders appended to an event topic")
                .tag("topic", topic)
                .register(registry);
    }

    /**
     * The label: a service's name as it is ({@code orders}), an application id without its prefixes
     * ({@code eventline-orders} → {@code orders}; {@code eventline-projection-orders-view-v1} → {@code orders-view-v1}).
     */
    static String service(String applicationId) {
        return applicationId.replaceFirst("^eventline-", "").replaceFirst("^projection-", "");
    }
}
