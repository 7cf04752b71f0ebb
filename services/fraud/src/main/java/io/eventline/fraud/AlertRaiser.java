package io.eventline.fraud;

import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each update of a customer's window figures into alerts, kept per customer in
 * {@code fraud-alerts}: at most one per rule and period ({@link FraudAlerts} says which and why).
 * Alerts are raised as soon as a window goes over a limit, not when it closes: windows stay open for
 * the grace, a day, for late-started instances (see {@link FraudDetection}).
 */
final class AlertRaiser implements Processor<Windowed<String>, FraudFigures, Void, Void> {
    private static final Logger LOG = LoggerFactory.getLogger(AlertRaiser.class);

    private final FraudRules rules;
    private KeyValueStore<String, FraudAlerts> alerts;

    AlertRaiser(FraudRules rules) {
        this.rules = rules;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.alerts = context.getStateStore(FraudDetection.ALERTS_STORE);
    }

    @Override
    public void process(Record<Windowed<String>, FraudFigures> record) {
        FraudFigures figures = record.value();
        Instant end = record.key().window().endTime();
        // Kafka Streams also opens a window just after each order; every such window over a limit lies
        // within one that ends at an order and is over it too, so only the latter raise alerts.
        if (figures == null || figures.lastOrderAt() != end.toEpochMilli()) {
            return;
        }
        String customerId = record.key().key();
        FraudAlerts held = Objects.requireNonNullElse(alerts.get(customerId), FraudAlerts.NONE);
        FraudAlerts next = held;
        for (FraudAlert.Rule rule : rules.brokenBy(figures)) {
            next = next.with(FraudAlert.of(customerId, end, rules.window(), figures, rule), rules.window());
        }
        // The later windows of a period already alerted change nothing: no write, no changelog record.
        if (!next.equals(held)) {
            alerts.put(customerId, next);
            LOG.debug("fraud: alerts of customer {} now {}", customerId, next.alerts().size());
        }
    }
}
