package io.eventline.app.metrics;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Values read from the cluster, refreshed when a scrape asks for them and the last refresh began more
 * than {@code interval} ago: Kafka is asked at the pace of scrapes, never faster, and not at all when
 * nobody scrapes. A failed refresh leaves the last values and is tried again after the interval.
 */
final class Refresh {
    /** A read from the cluster that updates meters. */
    interface Task {
        void run() throws Exception;
    }

    private static final Logger LOG = LoggerFactory.getLogger(Refresh.class);

    private final String what;
    private final Duration interval;
    private final Task task;
    private final Executor executor;
    private final java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();
    private CompletableFuture<Void> running = CompletableFuture.completedFuture(null);
    private long startedAt;
    private boolean started;

    Refresh(String what, Duration interval, Task task, Executor executor) {
        this.what = what;
        this.interval = interval;
        this.task = task;
        this.executor = executor;
    }

    /** The refresh under way, one just begun if the values are stale, or a completed one. */
    synchronized CompletableFuture<Void> ifStale() {
        long now = System.nanoTime();
        if (running.isDone() && (!started || now - startedAt >= interval.toNanos())) {
            started = true;
            startedAt = now;
            running = CompletableFuture.runAsync(this::runQuietly, executor);
        }
        return running;
    }

    private void runQuietly() {
        try {
            task.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failures.incrementAndGet();
            LOG.warn("metrics: reading {} failed; the last values stay: {}", what, e.toString());
        }
    }

    /** Refreshes that failed (their meters kept the last values). */
    long failures() {
        return failures.get();
    }
}
