package io.eventline.app;

import io.eventline.catalog.CatalogConnector;
import io.eventline.catalog.CatalogService;
import io.eventline.catalog.ProductRoutes;
import io.eventline.catalog.RevenueRoutes;
import io.eventline.contracts.catalog.CatalogContracts;
import io.eventline.core.kafka.Sources;
import io.eventline.core.kafka.Topic;
import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.util.List;

final class CatalogModule implements ServiceModule {
    static final String NAME = "catalog";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Topic> topics() {
        // Debezium's change records of the products table are the catalog service's input, kept like
        // events, created here because the broker creates no topic on demand; what the reporting sink
        // could not write is kept like every dead letter (Connect would give it the broker's retention).
        return List.of(CatalogContracts.PRODUCTS, CatalogContracts.SALES_EVENTS,
                Topic.events(CatalogConnector.CHANGES_TOPIC, "the row's primary key"),
                Topic.deadLetters(CatalogConnector.SINK_DLQ_TOPIC));
    }

    /**
     * Not yet: it reads what Kafka Connect writes, started beside it, and composing it with the order
     * services has not been tried against its connectors' tests.
     */
    @Override
    public boolean composes() {
        return false;
    }

    @Override
    public List<String> paths() {
        return List.of("/api/catalog");
    }

    @Override
    public void addTo(Sources sources, EventlineConfig.Saga saga) {
        CatalogService.addTo(sources);
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
