package io.eventline.app;

import io.eventline.catalog.CatalogService;
import io.eventline.catalog.ProductRoutes;
import io.eventline.catalog.RevenueRoutes;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
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
    public void mount(RoutesConfig routes, ModuleContext context) {
        CatalogRuntime catalog = context.catalog().orElseThrow(
                () -> new IllegalStateException("the catalog service runs without its database"));
        new ProductRoutes(catalog.database(), context.streams()).register(routes);
        // The connectors as Connect last said (every 2 s) and the source's lag, for the console.
        routes.get("/api/catalog/connectors", ctx -> ctx.json(catalog.connectors()));
        context.routeByKey(routes, "/api/catalog/products/{sku}", "sku", CatalogService.STORE);
        new RevenueRoutes(context.streams(), Clock.systemUTC()).register(routes);
        context.gatherList(routes, "/api/catalog/revenue", context.ownStore(RevenueRoutes.STORE), ListOrders.REVENUE);
    }
}
