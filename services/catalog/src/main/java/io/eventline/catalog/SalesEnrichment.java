package io.eventline.catalog;

import io.eventline.contracts.catalog.CatalogContracts;
import io.eventline.contracts.catalog.ProductUpdated;
import io.eventline.contracts.catalog.SaleRecorded;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.kafka.Sources;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Shipped order lines joined with the catalog into {@code catalog.sales}: each line of an
 * {@code order.shipped} event, with the product's name and category as the catalog has them when the
 * line is joined, so a product renamed or recategorised in PostgreSQL shows in the next sales.
 *
 * <p>Why a co-partitioned table join rather than a global table: the catalog's table of
 * {@code catalog.products} is already here, partitioned by sku, for the product reads; re-keying the
 * lines by sku (one repartition topic, as many partitions as the catalog topic) lets them meet it
 * partition by partition. A global table would hold the whole catalog on every instance, a second copy
 * beside the partitioned one, to spare that one hop. The sales are then summed per category and
 * minute ({@link CategoryRevenue}).
 */
final class SalesEnrichment {
    private SalesEnrichment() {
    }

    static void addTo(Sources sources, KTable<String, byte[]> products) {
        KStream<String, byte[]> sales = sources.stream(OrderContracts.TOPIC, "catalog-orders-source")
                .flatMap((orderId, value) -> ShippedLine.of(value).stream()
                        .map(line -> KeyValue.pair(line.sku(), line.toBytes())).toList(),
                        Named.as("catalog-shipped-lines"))
                .repartition(Repartitioned.<String, byte[]>as("catalog-shipped-lines-by-sku")
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray()))
                .leftJoin(products, (line, product) -> sale(ShippedLine.fromBytes(line), product),
                        Joined.<String, byte[], byte[]>as("catalog-sales-join")
                                .withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray()));
        sales.processValues(WithEnvelopeHeaders::new, Named.as("catalog-sales-headers"))
                .to(CatalogContracts.SALES_TOPIC, Produced.with(Serdes.String(), Serdes.ByteArray())
                        .withName("catalog-sales-sink"));
        CategoryRevenue.addTo(sales.mapValues(SalesEnrichment::saleOf, Named.as("catalog-sales-decoded")));
    }

    private static SaleRecorded saleOf(byte[] envelopeBytes) {
        EventEnvelope envelope = EnvelopeCodec.fromBytes(envelopeBytes);
        return switch (CatalogContracts.SALES.decode(envelope.eventType(), envelope.version(), envelope.data())) {
            case SaleRecorded sale -> sale;
        };
    }

    private static byte[] sale(ShippedLine line, byte[] product) {
        return EnvelopeCodec.toBytes(line.sale(product == null ? null : product(product)));
    }

    private static ProductUpdated product(byte[] bytes) {
        EventEnvelope envelope = EnvelopeCodec.fromBytes(bytes);
        return switch (CatalogContracts.EVENTS.decode(envelope.eventType(), envelope.version(), envelope.data())) {
            case ProductUpdated updated -> updated;
        };
    }

    /** The envelope's fields as headers, as on every event topic; the record's time the sale's. */
    private static final class WithEnvelopeHeaders implements FixedKeyProcessor<String, byte[], byte[]> {
        private FixedKeyProcessorContext<String, byte[]> context;

        @Override
        public void init(FixedKeyProcessorContext<String, byte[]> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, byte[]> record) {
            EventEnvelope envelope = EnvelopeCodec.fromBytes(record.value());
            context.forward(record.withHeaders(EnvelopeCodec.headers(envelope))
                    .withTimestamp(envelope.timestamp().toEpochMilli()));
        }
    }
}
