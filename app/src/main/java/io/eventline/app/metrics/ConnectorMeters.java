package io.eventline.app.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.BooleanSupplier;

/** Whether the catalog's Debezium connector and its task run, as Connect last said. */
final class ConnectorMeters implements MeterBinder {
    private final BooleanSupplier running;

    ConnectorMeters(BooleanSupplier running) {
        this.running = running;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("eventline.catalog.connector.running", running, supplier -> supplier.getAsBoolean() ? 1 : 0)
                .description("1 while the catalog's change data capture connector and its task run, else 0")
                // A gauge holds its object weakly: this supplier is referenced by nothing else.
                .strongReference(true)
                .register(registry);
    }
}
