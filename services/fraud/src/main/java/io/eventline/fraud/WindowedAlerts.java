package io.eventline.fraud;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a customer's sliding windows as each placed order arrives, and keeps the alerts per customer
 * in {@code fraud-alerts}: at most one per rule and period ({@link FraudAlerts} says which and why).
 *
 * <p>A window is the {@link FraudRules#window()} up to an order, both ends included: the minute that
 * order completes. An order changes the window that ends at it and, when it arrives late, those that
 * end at the customer's later orders at most a window after it; no other. The orders themselves are
 * kept once each in {@link FraudDetection#ORDERS_STORE}, by event time, so an order costs one store
 * write (one changelog record) and range reads: in time order, of the orders that leave the customer's
 * latest window ({@link LatestWindows}, about one an order), and when it is late, of about as many as it
 * is late by; of every window it changes when later than a window.
 * Kafka Streams' sliding-window aggregate would update every window the order falls in, including
 * those it opens after each order, and log each: a changelog record per order already in the window,
 * growing with a customer's rate.
 *
 * <p>Figures are added up before the order is stored: amounts that overflow throw (Kafka Streams
 * dead-letters the record) and leave no trace in the store. A window whose period already holds an
 * earlier-ending alert for every rule changes no alert ({@link FraudAlerts#decide}); a late order's
 * such windows are not even added up. An order older than the grace behind the latest one seen is
 * dropped, as a windowed aggregate drops it.
 */
final class WindowedAlerts implements Processor<String, PlacedOrder, Void, Void> {
    private static final Logger LOG = LoggerFactory.getLogger(WindowedAlerts.class);

    private final FraudRules rules;
    private ProcessorContext<Void, Void> context;
    private WindowStore<String, PlacedOrder> orders;
    private KeyValueStore<String, FraudAlerts> alerts;
    private LatestWindows latest;

    WindowedAlerts(FraudRules rules) {
        this.rules = rules;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.orders = context.getStateStore(FraudDetection.ORDERS_STORE);
        this.alerts = context.getStateStore(FraudDetection.ALERTS_STORE);
        // Anew at each init: a task revived after an aborted transaction reads its store again.
        this.latest = new LatestWindows(this::storedOrders, windowMillis());
    }

    @Override
    public void process(Record<String, PlacedOrder> record) {
        String customerId = record.key();
        PlacedOrder order = record.value();
        long at = order.placedAt();
        if (at < context.currentStreamTimeMs() - FraudDetection.GRACE.toMillis()) {
            LOG.debug("fraud: order of customer {} at {} is later than the grace, dropped", customerId, at);
            return;
        }
        FraudAlerts held = Objects.requireNonNullElse(alerts.get(customerId), FraudAlerts.NONE);
        Map<Long, FraudFigures> windows = new LinkedHashMap<>();
        changed(customerId, order, held).forEach((end, figures) -> {
            if (!held.decide(end, rules.window())) { // its alerts are already there: nothing changes
                windows.put(end, figures);
            }
        });
        orders.put(customerId, order, at);
        FraudAlerts next = held;
        for (Map.Entry<Long, FraudFigures> window : windows.entrySet()) {
            Instant end = Instant.ofEpochMilli(window.getKey());
            for (FraudAlert.Rule rule : rules.brokenBy(window.getValue())) {
                next = next.with(FraudAlert.of(customerId, end, rules.window(), window.getValue(), rule), rules.window());
            }
        }
        // The later windows of a period already alerted change nothing: no write, no changelog record.
        if (!next.equals(held)) {
            alerts.put(customerId, next);
            LOG.debug("fraud: alerts of customer {} now {}", customerId, next.alerts().size());
        }
    }

    /** The figures of each window the order changes, by window end. */
    private Map<Long, FraudFigures> changed(String customerId, PlacedOrder order, FraudAlerts held) {
        long at = order.placedAt();
        if (latest.knownLatest(customerId, at)) {
            return Map.of(at, latest.figures(customerId, order));
        }
        List<Long> ends = windowEnds(customerId, at);
        if (latest.withinLatest(customerId, at)) {
            return latest.late(customerId, order, ends);
        }
        if (ends.size() == 1 && !latest.knows(customerId)) { // the first order seen, and no later one stored
            return Map.of(at, latest.figures(customerId, order));
        }
        Map<Long, FraudFigures> changed = new LinkedHashMap<>();
        for (long end : ends) {
            if (!held.decide(end, rules.window())) { // its alerts are already there: nothing to add up
                changed.put(end, figures(customerId, end, order));
            }
        }
        return changed;
    }

    /** The ends of the windows an order at {@code at} falls in: its own time, and the later orders' within a window. */
    private List<Long> windowEnds(String customerId, long at) {
        TreeSet<Long> ends = new TreeSet<>(List.of(at));
        try (WindowStoreIterator<PlacedOrder> later = orders.fetch(customerId, at + 1, at + windowMillis())) {
            later.forEachRemaining(stored -> ends.add(stored.key));
        }
        return new ArrayList<>(ends);
    }

    /** The customer's orders within the window ending at {@code end}, the new order included. */
    private FraudFigures figures(String customerId, long end, PlacedOrder order) {
        FraudFigures[] figures = {FraudFigures.NONE.plus(order)};
        storedOrders(customerId, end - windowMillis(), end, stored -> figures[0] = figures[0].plus(stored));
        return new FraudFigures(figures[0].orders(), figures[0].amount(), end);
    }

    private void storedOrders(String customerId, long from, long to, Consumer<PlacedOrder> action) {
        if (from > to) {
            return;
        }
        try (WindowStoreIterator<PlacedOrder> found = orders.fetch(customerId, from, to)) {
            found.forEachRemaining(entry -> action.accept(entry.value));
        }
    }

    private long windowMillis() {
        return rules.window().toMillis();
    }

    static Duration retention(FraudRules rules) {
        return rules.window().plus(FraudDetection.GRACE);
    }
}
