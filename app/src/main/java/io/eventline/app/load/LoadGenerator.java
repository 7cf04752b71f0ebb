package io.eventline.app.load;

import io.eventline.app.load.LoadClient.Answer;
import io.eventline.app.load.LoadProgress.Phase;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A load against Eventline's REST API: sets up customers, funds and stock, then places orders at a
 * fixed rate and waits for each one's outcome ({@code GET /api/orders/{id}?wait=…}). It runs in the
 * background from {@link #start}; {@link #progress()} tells where it stands at any time and
 * {@link #close()} stops it. At most {@value #IN_FLIGHT} orders wait for an outcome at once: past that
 * the next order goes out late, and its latency, counted from when it was due, shows it.
 */
public final class LoadGenerator implements AutoCloseable {
    public static final Duration RECENT = Duration.ofSeconds(5);
    static final int IN_FLIGHT = 1024;
    private static final Duration OUTCOME_TIMEOUT = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(LoadGenerator.class);

    private final LoadClient client;
    private final LoadSettings settings;
    private final LoadPlan plan;
    private final Latencies latencies = new Latencies();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Map<String, Long> outcomes = new ConcurrentHashMap<>();
    private final ExecutorService orders = Executors.newVirtualThreadPerTaskExecutor();
    private volatile Phase phase = Phase.SETTING_UP;
    private volatile String error;
    private volatile long startedNanos;
    private volatile long endedNanos;
    private volatile boolean stopping;
    private Thread runner;

    private LoadGenerator(LoadClient client, LoadSettings settings) {
        this.client = client;
        this.settings = settings;
        this.plan = new LoadPlan(settings, "load-" + Long.toString(System.currentTimeMillis(), 36));
    }

    /** Starts a load in the background. */
    public static LoadGenerator start(LoadClient client, LoadSettings settings) {
        LoadGenerator load = new LoadGenerator(client, settings);
        load.runner = Thread.ofPlatform().name("eventline-load").daemon().start(load::run);
        return load;
    }

    private void run() {
        LOG.info("Load {}: {} orders at {}/s against {}", plan.run(), settings.orders(), settings.rate(), client.base());
        try {
            LoadSetUp.perform(client, plan);
            phase = Phase.PLACING;
            placeAll();
            orders.shutdown();
            orders.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
            end(Phase.FINISHED, null);
        } catch (InterruptedException e) {
            end(Phase.STOPPED, "stopped");
        } catch (IOException | LoadFailedException e) {
            // Stopped in the middle of setting up, a call interrupted reads as a failure: it is a stop.
            end(stopping ? Phase.STOPPED : Phase.FAILED, stopping ? "stopped" : describe(e));
        } catch (RuntimeException | Error e) {
            // Whatever went wrong, the load has ended: never leave it "running" (and a new one refused)
            // until the process restarts. Stopping it may surface as a refused task: that is a stop.
            if (stopping) {
                end(Phase.STOPPED, "stopped");
            } else {
                LOG.warn("Load {} failed", plan.run(), e);
                end(Phase.FAILED, "failed: " + e);
            }
        } finally {
            orders.shutdownNow();
        }
    }

    private void end(Phase ended, String why) {
        endedNanos = System.nanoTime();
        if (why != null) {
            error = why;
        }
        phase = ended;
        LOG.info("Load {} {}: {} done, {} failed{}", plan.run(), ended, done.get(), failed.get(),
                why == null ? "" : " (" + why + ")");
    }

    /** Order {@code i} is due {@code i / rate} seconds after the first, whatever the answers so far. */
    private void placeAll() throws InterruptedException {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        startedNanos = System.nanoTime();
        double interval = 1e9 / settings.rate();
        for (int i = 0; i < settings.orders(); i++) {
            long due = startedNanos + (long) (i * interval);
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            inFlight.acquire();
            int index = i;
            orders.submit(() -> {
                try {
                    placeAndAwait(plan.order(index), due);
                } finally {
                    inFlight.release();
                }
            });
        }
    }

    private void placeAndAwait(LoadPlan.Order order, long due) {
        try {
            sent.incrementAndGet();
            Answer placed = client.post("/api/orders", order.body());
            // 503: the order is in the log but its reply came late. Its id is ours, so its outcome
            // will still come: wait for it rather than count an order the platform did not lose.
            if (placed.status() != 202 && placed.status() != 503) {
                throw new LoadFailedException("placing " + order.id() + " answered " + placed.status() + ": "
                        + placed.body());
            }
            String outcome = Outcomes.await(client, order.id(), OUTCOME_TIMEOUT);
            latencies.record(due);
            outcomes.merge(outcome, 1L, Long::sum);
            done.incrementAndGet();
        } catch (IOException | LoadFailedException e) {
            failed.incrementAndGet();
            error = describe(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) { // counted, not lost in the executor's future
            failed.incrementAndGet();
            error = "failed: " + e;
        }
    }

    // A refused connection says nothing in its message: name the address and the kind of failure.
    private String describe(Exception e) {
        if (e instanceof LoadFailedException) {
            return e.getMessage();
        }
        return "cannot talk to Eventline at " + client.base() + ": " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    public LoadProgress progress() {
        long start = startedNanos;
        long end = endedNanos != 0 ? endedNanos : System.nanoTime();
        double elapsed = start == 0 ? 0 : (end - start) / 1e9;
        long ended = done.get();
        return new LoadProgress(plan.run(), phase, settings.orders(), settings.rate(), sent.get(), ended, failed.get(),
                outcomes, elapsed, elapsed > 0 ? ended / elapsed : 0, latencies.all(),
                latencies.since(System.nanoTime() - RECENT.toNanos()), error);
    }

    public boolean running() {
        return phase == Phase.SETTING_UP || phase == Phase.PLACING;
    }

    /** Waits until the load has ended or the time is up; answers where it stands then. */
    public LoadProgress await(Duration timeout) throws InterruptedException {
        runner.join(timeout);
        return progress();
    }

    /** Stops placing orders and stops waiting for their outcomes; the load then ends as STOPPED. */
    @Override
    public void close() {
        stopping = true;
        runner.interrupt();
        orders.shutdownNow();
    }
}
