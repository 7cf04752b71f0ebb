package io.eventline.app.metrics;

import io.eventline.contracts.orders.CancelReason;
import io.eventline.contracts.orders.OrderCancelled;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.orders.OrderEvent;
import io.eventline.contracts.orders.OrderItemReserved;
import io.eventline.contracts.orders.OrderPaid;
import io.eventline.contracts.orders.OrderPlaced;
import io.eventline.contracts.orders.OrderReserved;
import io.eventline.contracts.orders.OrderShipped;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How orders end, counted where they end: in the orders decider, the one writer of each order, so an
 * order is counted once however many instances run. The latency is from {@code order.placed} to
 * {@code order.shipped} or {@code order.cancelled}, by the two events' timestamps in the log.
 */
final class OrderMeters implements MeterBinder {
    static final String NO_REASON = "none";
    private static final Duration[] BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120)};

    private MeterRegistry registry;
    private Timer shippedIn;
    private Timer cancelledIn;

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        this.shippedIn = latency(registry, "SHIPPED");
        this.cancelledIn = latency(registry, "CANCELLED");
        // Every outcome is there from the start, at 0, so that a rate over it starts from the first one.
        completed("SHIPPED", NO_REASON);
        for (CancelReason reason : CancelReason.values()) {
            completed("CANCELLED", reason.name());
        }
    }

    void appended(String topic, Instant created, Instant at, List<?> events) {
        if (!topic.equals(OrderContracts.TOPIC)) {
            return;
        }
        Duration latency = Duration.between(created, at);
        for (Object event : events) {
            if (event instanceof OrderEvent order) {
                switch (order) {
                    case OrderShipped e -> ended(shippedIn, latency, "SHIPPED", NO_REASON);
                    case OrderCancelled e -> ended(cancelledIn, latency, "CANCELLED", e.reason().name());
                    case OrderPlaced e -> { } // not an end
                    case OrderPaid e -> { }
                    case OrderItemReserved e -> { }
                    case OrderReserved e -> { }
                }
            }
        }
    }

    private void ended(Timer timer, Duration latency, String outcome, String reason) {
        timer.record(latency);
        completed(outcome, reason).increment();
    }

    private Counter completed(String outcome, String reason) {
        return Counter.builder("eventline.orders.completed")
                .description("Orders that reached a terminal state: SHIPPED, or CANCELLED with its reason")
                .tags("outcome", outcome, "reason", reason)
                .register(registry);
    }

    private static Timer latency(MeterRegistry registry, String outcome) {
        return Timer.builder("eventline.orders.latency")
                .description("Time from order.placed to order.shipped or order.cancelled, by the events' timestamps")
                .tag("outcome", outcome)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }
}
