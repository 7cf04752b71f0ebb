package io.eventline.catalog;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks Connect how the catalog's connector is, every few seconds, and keeps the answer for readiness
 * and metrics: a health check or a scrape reads it without a call to Connect of its own. A change of
 * state is logged (WARN when it stops running, INFO when it runs again).
 */
public final class ConnectorWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorWatch.class);
    public static final String RUNNING = "RUNNING";

    private final CatalogConnector connector;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("catalog-connector-watch").factory());
    private volatile String status = RUNNING; // it was RUNNING when submitted, before the watch starts

    public ConnectorWatch(CatalogConnector connector, Duration every) {
        this.connector = connector;
        schedule.scheduleWithFixedDelay(this::look, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void look() {
        String now;
        try {
            now = connector.status();
        } catch (UncheckedIOException e) {
            now = "UNREACHABLE (" + e.getCause().getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        String before = status;
        status = now;
        if (!now.equals(before)) {
            if (now.equals(RUNNING)) {
                LOG.info("Connector {} runs again", CatalogConnector.NAME);
            } else {
                LOG.warn("Connector {} is {}", CatalogConnector.NAME, now);
            }
        }
    }

    /** {@link #RUNNING}, or what Connect last said instead (a state and its trace, or why it did not answer). */
    public String status() {
        return status;
    }

    public boolean running() {
        return status.equals(RUNNING);
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }
}
