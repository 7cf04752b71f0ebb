package io.eventline.bench;

import io.eventline.contracts.orders.OrderCommand;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.core.decider.CommandGateway;
import io.eventline.orders.OrdersService;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Places orders as the REST API does (through a {@link CommandGateway} to {@code orders.commands}), or
 * as another {@link OrderPlacer} does, and hears how each ends on {@code orders.events} (or the
 * placer's topic of outcomes): one at a time on an idle saga, saturation with a fixed number in flight,
 * or a fixed rate with latency from each order's intended time to its {@code order.shipped}.
 */
final class OrderFlow implements AutoCloseable {
    private final OrderPlacer placer;
    private final OrderOutcomes outcomes;
    private final Map<String, Long> pending = new ConcurrentHashMap<>();
    private final String run;
    private final int customers;
    private final int skus;
    private final AtomicLong placed = new AtomicLong();
    private volatile OrderOutcomes.Listener listener = (intended, ended, shipped) -> { };

    /** Eventline's: through the orders' {@link CommandGateway}, ended on {@code orders.events}. */
    OrderFlow(Cluster cluster, String run, int customers, int skus) {
        this(cluster, run, customers, skus, gatewayOf(cluster), OrderContracts.TOPIC);
    }

    OrderFlow(Cluster cluster, String run, int customers, int skus, OrderPlacer placer, String outcomesTopic) {
        this.run = run;
        this.customers = customers;
        this.skus = skus;
        this.outcomes = new OrderOutcomes(cluster, outcomesTopic, (orderId, ended, shipped) -> {
            Long intended = pending.remove(orderId);
            if (intended != null) {
                listener.ended(intended, ended, shipped);
            }
        });
        this.placer = placer;
    }

    private static OrderPlacer gatewayOf(Cluster cluster) {
        CommandGateway<OrderCommand> gateway = new CommandGateway<>(OrdersService.AGGREGATE, cluster.clientSettings(),
                Duration.ofSeconds(60));
        return new OrderPlacer() {
            @Override
            public void place(String orderId, String customerId, String sku) {
                gateway.send(orderId, Orders.place(orderId, customerId, sku), orderId);
            }

            @Override
            public void close() {
                gateway.close();
            }
        };
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
     * Places {@code count} orders one after another, each {@code gap} after the one before has ended
     * (or {@code limit} has passed): placed → shipped of each, on a saga with nothing else to do.
     */
    SequentialOrders sequential(int count, Duration gap, Duration limit) {
        BlockingQueue<Double> ends = new LinkedBlockingQueue<>();
        listener = (intended, ended, shipped) -> ends.add(shipped ? (ended - intended) / 1e6 : Double.NaN);
        double[] shipped = new double[count];
        int ok = 0;
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                Pause.of(gap);
            }
            place(System.nanoTime());
            Double millis = poll(ends, limit);
            if (millis == null) {
                pending.clear(); // should it end late, it is not taken for the next order's end
            } else if (!millis.isNaN()) {
                shipped[ok++] = millis;
            }
        }
        return SequentialOrders.of(Arrays.copyOf(shipped, ok), count - ok);
    }

    /** The id the next order placed will have: for a trace that follows it. */
    String nextOrderId() {
        return Orders.id(run, placed.get());
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
        placer.place(orderId, "c-" + index % customers, "sku-" + index % skus);
    }

    private static Double poll(BlockingQueue<Double> queue, Duration limit) {
        try {
            return queue.poll(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            throw Cluster.interrupted(e);
        }
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
        placer.close();
        outcomes.close();
    }
}
