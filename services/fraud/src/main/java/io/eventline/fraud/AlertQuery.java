package io.eventline.fraud;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads alerts from {@code fraud-alerts}: one customer's or everyone's, newest first (latest window
 * end first, then by customer and rule). Throws Kafka's {@code InvalidStateStoreException} while the
 * store is restoring or rebalancing.
 */
final class AlertQuery {
    private static final Comparator<FraudAlert> NEWEST_FIRST = Comparator.comparing(FraudAlert::windowEnd).reversed()
            .thenComparing(FraudAlert::customerId).thenComparing(FraudAlert::rule);

    private AlertQuery() {
    }

    /** @param customerId one customer, or null for every customer */
    static List<FraudAlert> run(ReadOnlyKeyValueStore<String, FraudAlerts> store, String customerId) {
        List<FraudAlert> alerts = new ArrayList<>();
        if (customerId == null) {
            try (KeyValueIterator<String, FraudAlerts> all = store.all()) {
                all.forEachRemaining(entry -> alerts.addAll(entry.value.alerts()));
            }
        } else {
            FraudAlerts held = store.get(customerId);
            if (held != null) {
                alerts.addAll(held.alerts());
            }
        }
        alerts.sort(NEWEST_FIRST);
        return alerts;
    }
}
