package io.eventline.catalog;

import io.eventline.contracts.catalog.SaleRecorded;
import io.eventline.core.kafka.JsonSerde;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Revenue per category per minute: the enriched sales re-keyed by category (one repartition topic),
 * summed in tumbling one-minute windows of the shipment's time. The grace is long, as for the sales
 * analytics, so that an instance reading history from offset 0 reaches the figures of one that ran
 * from the start.
 */
final class CategoryRevenue {
    /** The windowed store of figures, per category and window start, for interactive queries. */
    static final String STORE = "catalog-revenue-per-minute";
    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final Duration GRACE = Duration.ofDays(1);
    static final Duration RETENTION = Duration.ofDays(7);

    private CategoryRevenue() {
    }

    static void addTo(KStream<String, SaleRecorded> sales) {
        sales.map((sku, sale) -> KeyValue.pair(sale.category(), sale), Named.as("catalog-sales-by-category-key"))
                .groupByKey(Grouped.with("catalog-sales-by-category", Serdes.String(), JsonSerde.of(SaleRecorded.class)))
                .windowedBy(TimeWindows.ofSizeAndGrace(WINDOW, GRACE))
                .aggregate(() -> CategoryFigures.NONE, (category, sale, figures) -> figures.plus(sale),
                        Named.as("catalog-revenue-aggregate"),
                        Materialized.<String, CategoryFigures, WindowStore<Bytes, byte[]>>as(STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(JsonSerde.of(CategoryFigures.class))
                                .withRetention(RETENTION));
    }
}
