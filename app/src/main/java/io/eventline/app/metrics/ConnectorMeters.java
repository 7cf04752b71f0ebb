package io.eventline.app.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Whether the catalog's connectors and their tasks run, as Connect last said, and how far the source
 * is behind PostgreSQL: the write-ahead log its replication slot holds. (The sink's lag is its consumer
 * group's, {@code eventline-reporting-sink}, in {@code eventline_consumer_lag}.)
 */
public final class ConnectorMeters implements MeterBinder {
    /** Reads the slot's lag in bytes, -1 without a slot; may block on the database. */
    public interface SlotLag {
        long read() throws Exception;
    }

    private final BooleanSupplier running;
    private final SlotLag slotLag;
    private final AtomicLong lastSlotLag = new AtomicLong(-1);

    ConnectorMeters(BooleanSupplier running, SlotLag slotLag) {
        this.running = running;
        this.slotLag = slotLag;
    }

    /** Reads the slot's lag again: off the scrape's thread, at most as often as {@link Refresh} says. */
    void refresh() throws Exception {
        lastSlotLag.set(slotLag.read());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("eventline.catalog.connector.running", running, supplier -> supplier.getAsBoolean() ? 1 : 0)
                .description("1 while the catalog's change data capture connector and its task run, else 0")
                // A gauge holds its object weakly: this supplier is referenced by nothing else.
                .strongReference(true)
                .register(registry);
        Gauge.builder("eventline.catalog.slot.lag", lastSlotLag, AtomicLong::get).baseUnit("bytes")
                .description("Write-ahead log PostgreSQL holds for the catalog's replication slot: changes not yet "
                        + "confirmed by the connector; -1 when there is no slot")
                .register(registry);
    }
}
