package io.eventline.catalog;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    private final List<CatalogConnector> connectors;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("catalog-connector-watch").factory());
    // each was RUNNING when submitted, before the watch starts
    private final Map<String, String> statuses = new ConcurrentHashMap<>();

    public ConnectorWatch(List<CatalogConnector> connectors, Duration every) {
        this.connectors = List.copyOf(connectors);
        connectors.forEach(connector -> statuses.put(connector.name(), RUNNING));
        schedule.scheduleWithFixedDelay(this::look, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void look() {
        for (CatalogConnector connector : connectors) {
            String now;
            try {
                now = connector.status();
            } catch (UncheckedIOException e) {
                now = "UNREACHABLE (" + e.getCause().getMessage() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            String before = statuses.put(connector.name(), now);
            if (!now.equals(before)) {
                if (now.equals(RUNNING)) {
                    LOG.info("Connector {} runs again", connector.name());
                } else {
                    LOG.warn("Connector {} is {}", connector.name(), now);
                }
            }
        }
    }

    /**
     * {@link #RUNNING} when every connector runs, or the first that does not, as "name is what Connect
     * last said instead" (a state and its trace, or why it did not answer).
     */
    public String status() {
        for (CatalogConnector connector : connectors) {
            String status = statuses.get(connector.name());
            if (!status.equals(RUNNING)) {
                return connector.name() + " is " + status;
            }
        }
        return RUNNING;
    }

    public boolean running() {
        return status().equals(RUNNING);
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }
}
