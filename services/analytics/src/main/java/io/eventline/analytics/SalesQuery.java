package io.eventline.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Reads figures from the windowed store: the windows that start within {@code [from, to]}, of one sku
 * or of all, ordered by sku then window start. Throws Kafka's {@code InvalidStateStoreException}
 * while the store is restoring or rebalancing.
 */
final class SalesQuery {
    // Timestamps.format is fixed-width ISO-8601, so its strings sort as the instants do.
    private static final Comparator<SalesRow> BY_SKU_THEN_START =
            Comparator.comparing(SalesRow::sku).thenComparing(SalesRow::windowStart);

    private SalesQuery() {
    }

    /** @param sku one sku, or null for every sku */
    static List<SalesRow> run(ReadOnlyWindowStore<String, SalesFigures> store, String sku, Instant from, Instant to) {
        List<SalesRow> rows = new ArrayList<>();
        if (sku == null) {
            try (KeyValueIterator<Windowed<String>, SalesFigures> all = store.fetchAll(from, to)) {
                all.forEachRemaining(entry -> rows.add(
                        SalesRow.of(entry.key.key(), entry.key.window().startTime(), entry.value)));
            }
        } else {
            try (WindowStoreIterator<SalesFigures> one = store.fetch(sku, from, to)) {
                one.forEachRemaining(entry -> rows.add(SalesRow.of(sku, Instant.ofEpochMilli(entry.key), entry.value)));
            }
        }
        rows.sort(BY_SKU_THEN_START);
        return rows;
    }
}
