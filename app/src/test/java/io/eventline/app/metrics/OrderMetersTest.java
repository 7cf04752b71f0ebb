package io.eventline.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.contracts.Money;
import io.eventline.contracts.orders.CancelReason;
import io.eventline.contracts.orders.OrderCancelled;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.orders.OrderLine;
import io.eventline.contracts.orders.OrderPaid;
import io.eventline.contracts.orders.OrderShipped;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OrderMetersTest {
    private static final Instant PLACED = Instant.parse("2026-11-22T10:00:00Z");
    private static final List<OrderLine> LINES = List.of(new OrderLine("tea", 1, Money.of(new BigDecimal("2.50"))));

    private static final Money TOTAL = Money.of(new BigDecimal("2.50"));

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final OrderMeters meters = new OrderMeters();

    @org.junit.jupiter.api.BeforeEach
    void bind() {
        meters.bindTo(registry);
    }

    @Test
    void shouldCountAnOrderByOutcomeAndTimeItFromPlacedWhenItEnds() {
        meters.appended(OrderContracts.TOPIC, PLACED, PLACED.plusMillis(1500), List.of(shipped()));
        meters.appended(OrderContracts.TOPIC, PLACED, PLACED.plusSeconds(3),
                List.of(new OrderCancelled("o-2", "c-1", LINES, CancelReason.OUT_OF_STOCK)));

        assertThat(completed("SHIPPED", OrderMeters.NO_REASON)).isEqualTo(1);
        assertThat(completed("CANCELLED", "OUT_OF_STOCK")).isEqualTo(1);
        assertThat(completed("CANCELLED", "INSUFFICIENT_FUNDS")).as("there from the start").isZero();
        var shipped = registry.get("eventline.orders.latency").tag("outcome", "SHIPPED").timer();
        assertThat(shipped.count()).isEqualTo(1);
        assertThat(shipped.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1500);
    }

    @Test
    void shouldCountNothingWhenTheEventsEndNoOrderOrAreNotOrders() {
        meters.appended(OrderContracts.TOPIC, PLACED, PLACED.plus(1, ChronoUnit.SECONDS), List.of(new OrderPaid("o-1", "c-1", LINES, TOTAL)));
        meters.appended("shipments.events", PLACED, PLACED, List.of(shipped()));

        assertThat(registry.get("eventline.orders.completed").counters())
                .allSatisfy(counter -> assertThat(counter.count()).isZero());
        assertThat(registry.get("eventline.orders.latency").timers())
                .allSatisfy(timer -> assertThat(timer.count()).isZero());
    }

    private static OrderShipped shipped() {
        return new OrderShipped("o-1", "c-1", LINES, "EUR", TOTAL);
    }

    private double completed(String outcome, String reason) {
        return registry.get("eventline.orders.completed").tags("outcome", outcome, "reason", reason).counter().count();
    }
}
