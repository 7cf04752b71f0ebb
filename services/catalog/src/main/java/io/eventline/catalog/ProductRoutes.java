package io.eventline.catalog;

import io.eventline.contracts.catalog.CatalogContracts;
import io.eventline.contracts.catalog.ProductUpdated;
import io.eventline.core.decider.StoreProvider;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.query.StoreReads;
import io.eventline.http.ApiException;
import io.eventline.http.RequestBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code PUT /api/catalog/products/{sku}} writes the row through JDBC, nothing else: 202, since the
 * product reaches the catalog topic, and {@code GET}, through change data capture like any other
 * write. {@code GET /api/catalog/products/{sku}} answers from the table of the catalog topic.
 */
public final class ProductRoutes {
    private final ProductTable table;
    private final StoreProvider stores;

    /** @param streams the catalog service's own streams, which hold {@link CatalogService#STORE} */
    public ProductRoutes(PostgresAddress database, KafkaStreams streams) {
        this.table = new ProductTable(database);
        this.stores = StoreProvider.of(streams);
    }

    public void register(RoutesConfig routes) {
        routes.put("/api/catalog/products/{sku}", this::put);
        routes.get("/api/catalog/products/{sku}", this::get);
    }

    private void put(Context ctx) {
        String sku = RequestBody.id("sku", ctx.pathParam("sku"));
        ProductBody product = ProductBody.parse(sku, ctx.bodyAsBytes());
        try {
            table.put(product);
        } catch (SQLException e) {
            throw ApiException.unavailable("the product could not be written to PostgreSQL: " + e.getMessage());
        }
        ctx.status(202).json(product);
    }

    private void get(Context ctx) {
        String sku = RequestBody.id("sku", ctx.pathParam("sku"));
        ProductUpdated product = StoreReads.read("catalog", () -> find(sku))
                .orElseThrow(() -> ApiException.notFound("product " + sku + " is not in the catalog"));
        ctx.json(product);
    }

    private Optional<ProductUpdated> find(String sku) {
        byte[] stored = stores.store(CatalogService.STORE).get(sku);
        if (stored == null) {
            return Optional.empty();
        }
        EventEnvelope envelope = EnvelopeCodec.fromBytes(stored);
        return Optional.of(switch (CatalogContracts.EVENTS.decode(envelope.eventType(), envelope.version(),
                envelope.data())) {
            case ProductUpdated updated -> updated;
        });
    }
}
