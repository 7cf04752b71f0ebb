package io.eventline.analytics;

import io.eventline.http.ApiException;
import io.eventline.http.Instants;
import io.eventline.http.RequestBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * {@code GET /api/analytics/sales[?sku=…][&from=T][&to=T]}: figures per sku and minute, from the
 * windowed store by interactive query (defaults in {@link SalesPeriod}). Answers from this
 * instance's partitions; the app merges the answers of every instance holding a part.
 */
public final class AnalyticsRoutes {
    private final Supplier<ReadOnlyWindowStore<String, SalesFigures>> store;
    private final Clock clock;

    /** @param clock the "now" that the default period ends at */
    public AnalyticsRoutes(KafkaStreams streams, Clock clock) {
        this.store = () -> streams.store(StoreQueryParameters.fromNameAndType(
                SalesAnalytics.STORE, QueryableStoreTypes.<String, SalesFigures>windowStore()));
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/analytics/sales", this::sales);
    }

    private void sales(Context ctx) {
        String skuParam = ctx.queryParam("sku");
        String sku = skuParam == null ? null : RequestBody.id("sku", skuParam);
        SalesPeriod period = SalesPeriod.of(Instants.optional("from", ctx.queryParam("from")),
                Instants.optional("to", ctx.queryParam("to")), clock.instant());
        ctx.json(readStore(() -> SalesQuery.run(store.get(), sku, period.from(), period.to())));
    }

    private static List<SalesRow> readStore(Supplier<List<SalesRow>> query) {
        try {
            return query.get();
        } catch (InvalidStateStoreException e) {
            throw ApiException.unavailable("the analytics store is not ready (restoring or rebalancing); retry");
        }
    }
}
