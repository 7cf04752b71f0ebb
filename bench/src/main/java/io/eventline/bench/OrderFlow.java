package io.eventline.bench;

import io.eventline.contracts.orders.OrderCommand;
import io.eventline.core.decider.CommandGateway;
import io.eventline.orders.OrdersService;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Places orders as the REST API does (through a {@link CommandGateway} to {@code orders.commands}) and
 * hears how each ends on {@code orders.events}: saturation with a fixed number in flight, or a fixed
 * rate with latency from each order's intended time to its {@code order.shipped}.
 */
final class OrderFlow implements AutoCloseable {
    private final CommandGateway<OrderCommand> gateway;
    private final OrderOutcomes outcomes;
    private final Map<String, Long> pending = new ConcurrentHashMap<>();
    private final String run;
    private final int customers;
    private final int skus;
    private final AtomicLong placed = new AtomicLong();
    private volatile OrderOutcomes.Listener listener = (intended, ended, shipped) -> { };

    OrderFlow(Cluster cluster, String run, int customers, int skus) {
        this.run = run;
        this.customers = customers;
        this.skus = skus;
        this.outcomes = new OrderOutcomes(cluster, (orderId, ended, shipped) -> {
            Long intended = pending.remove(orderId);
            if (intended != null) {
                listener.ended(intended, ended, shipped);
            }
        });
        this.gateway = new CommandGateway<>(OrdersService.AGGREGATE, cluster.clientSettings(), Duration.ofSeconds(60));
    }

    long placed() {
        return placed.get();
    }

    /** Places {@code count} orders at once and waits until every one has shipped. */
    void warmUp(int count, Duration limit) {
        AtomicLong shipped = new AtomicLong();
        listener = (intended, ended, ok) -> shipped.addAndGet(ok ? 1 : 0);
        for (int i = 0; i < count; i++) {
            place(System.nanoTime());
        }
        if (!awaitDrained(limit) || shipped.get() != count) {
            throw new IllegalStateException("warm-up: " + shipped.get() + " of " + count + " orders shipped, "
                    + pending.size() + " still open after " + limit.toSeconds() + " s");
        }
    }

    /**
     * Completed orders per second with {@code window} in flight, counted from the first order's end (or
     * a quarter into the phase, if later: the pipeline fills first) to the phase's end.
     */
    Throughput saturate(Duration length, int window) {
        Semaphore slots = new Semaphore(window);
        long start = System.nanoTime();
        long end = start + length.toNanos();
        AtomicLong from = new AtomicLong(Long.MAX_VALUE);
        AtomicLong counted = new AtomicLong();
        listener = (intended, ended, shipped) -> {
            slots.release();
            from.compareAndSet(Long.MAX_VALUE, Math.max(ended, start + length.toNanos() / 4));
            if (shipped && ended >= from.get() && ended < end) {
                counted.incrementAndGet();
            }
        };
        for (long now = start; now < end; now = System.nanoTime()) {
            if (acquire(slots, end - now)) {
                place(System.nanoTime());
            }
        }
        return new Throughput(counted.get(), Duration.ofNanos(Math.max(0, end - Math.min(from.get(), end))));
    }

    /** Latency placed → shipped at a fixed rate; an order not ended within {@code drain} after counts as failed. */
    LatencySummary atRate(double rate, Duration length, Duration drain) {
        LatencyRecorder latencies = new LatencyRecorder(rate);
        listener = (intended, ended, shipped) -> {
            if (shipped) {
                latencies.record(intended, ended);
            } else {
                latencies.failed(1);
            }
        };
        new OpenLoop(rate).run(length, (index, intended) -> place(intended));
        if (!awaitDrained(drain)) {
            latencies.failed(pending.size());
            pending.clear();
        }
        return latencies.summary();
    }

    boolean awaitDrained(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Pause.of(Duration.ofMillis(20));
        }
        return pending.isEmpty();
    }

    private void place(long intendedNanos) {
        long index = placed.getAndIncrement();
        String orderId = Orders.id(run, index);
        pending.put(orderId, intendedNanos);
        gateway.send(orderId, Orders.place(orderId, "c-" + index % customers, "sku-" + index % skus), orderId);
    }

    private static boolean acquire(Semaphore slots, long nanos) {
        try {
            return slots.tryAcquire(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            throw Cluster.interrupted(e);
        }
    }

    @Override
    public void close() {
        gateway.close();
        outcomes.close();
    }
}
