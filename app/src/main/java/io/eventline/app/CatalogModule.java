package io.eventline.app;

import io.eventline.catalog.CatalogService;
import io.eventline.catalog.ProductRoutes;
import io.eventline.catalog.RevenueRoutes;
import java.time.Clock;
import io.javalin.Javalin;
import org.apache.kafka.streams.StreamsBuilder;
import java.util.List;

final class CatalogModule implements ServiceModule {
    static final String NAME = "catalog";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> paths() {
        return List.of("/api/catalog");
    }

    @Override
    public void addTo(StreamsBuilder builder, EventlineConfig.Saga saga) {
        CatalogService.addTo(builder);
    }

    @Override
    public void mount(Javalin app, ModuleContext context) {
        var database = context.catalogDatabase().orElseThrow(
                () -> new IllegalStateException("the catalog service runs without its database"));
        new ProductRoutes(database, context.streams()).register(app);
        context.routeByKey(app, "/api/catalog/products/{sku}", "sku", CatalogService.STORE);
        new RevenueRoutes(context.streams(), Clock.systemUTC()).register(app);
        context.gatherList(app, "/api/catalog/revenue", context.ownStore(RevenueRoutes.STORE), ListOrders.REVENUE);
    }
}
