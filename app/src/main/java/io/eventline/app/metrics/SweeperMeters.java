package io.eventline.app.metrics;

import io.eventline.app.broker.SweeperCounts;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The embedded broker's hanging-transaction sweeper: transactions it closed, by outcome, or reported and
 * left open, and its looks that failed. Read from its counts at each scrape.
 */
final class SweeperMeters implements MeterBinder {
    private final Supplier<SweeperCounts> counts;

    SweeperMeters(Supplier<SweeperCounts> counts) {
        this.counts = counts;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        transactions(registry, "committed", SweeperCounts::committed);
        transactions(registry, "aborted", SweeperCounts::aborted);
        transactions(registry, "reported", SweeperCounts::reported);
        FunctionCounter.builder("eventline.broker.hanging.transaction.look.failures", counts,
                        supplier -> supplier.get().failedLooks())
                .description("Looks for hanging transactions that failed (each made again 10 s later)")
                .register(registry);
    }

    private void transactions(MeterRegistry registry, String action, ToLongFunction<SweeperCounts> count) {
        FunctionCounter.builder("eventline.broker.hanging.transactions", counts,
                        supplier -> count.applyAsLong(supplier.get()))
                .description("Transactions left open for good after a crash: closed with a commit or an abort "
                        + "marker, or reported and left open")
                .tag("action", action)
                .register(registry);
    }
}
