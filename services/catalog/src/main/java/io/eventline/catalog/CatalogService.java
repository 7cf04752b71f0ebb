package io.eventline.catalog;

import io.eventline.contracts.catalog.CatalogContracts;
import io.eventline.core.kafka.Sources;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The catalog service: the products table of PostgreSQL, captured by Debezium into
 * {@link CatalogConnector#CHANGES_TOPIC}, becomes the compacted {@code catalog.products} topic (event-carried
 * state, as {@code customers}), and a table of that topic answers reads and enriches shipped order
 * lines into {@code catalog.sales} ({@link SalesEnrichment}).
 *
 * <p>Why Kafka Streams rather than a single message transform in the connector: the transform would
 * have to live in Connect's class path and could not drop a repeated change, having no state; here the
 * per-sku position is a state store committed with the output in one transaction, and the envelope is
 * built by the same code as every other event.
 */
public final class CatalogService {
    /** The table of products: sku → the {@code product.updated} envelope as written. */
    public static final String STORE = "catalog-products-table";
    /** Per sku, the log position of the last change passed on. */
    static final String APPLIED_STORE = "catalog-applied-changes";

    private CatalogService() {
    }

    public static void addTo(Sources sources) {
        StreamsBuilder builder = sources.builder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(APPLIED_STORE),
                Serdes.String(), Serdes.Long()));
        builder.stream(CatalogConnector.CHANGES_TOPIC,
                        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("catalog-changes-source"))
                .process(ProductChanges::new, Named.as("catalog-changes-to-products"), APPLIED_STORE)
                .to(CatalogContracts.TOPIC, Produced.with(Serdes.String(), Serdes.ByteArray())
                        .withName("catalog-products-sink"));
        KTable<String, byte[]> products = builder.table(CatalogContracts.TOPIC,
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("catalog-products-source"),
                Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(STORE)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(Serdes.ByteArray()));
        SalesEnrichment.addTo(sources, products);
    }
}
