package io.eventline.app;

import io.eventline.app.http.KeyedStore;
import io.eventline.core.decider.AggregateQueries;
import io.eventline.core.decider.CommandGateway;
import io.eventline.core.decider.StoreProvider;
import io.eventline.inventory.InventoryRoutes;
import io.eventline.inventory.InventoryService;
import io.javalin.Javalin;
import org.apache.kafka.streams.StreamsBuilder;
import java.util.List;

final class InventoryModule implements ServiceModule {
    @Override
    public String name() {
        return "inventory";
    }

    @Override
    public List<String> paths() {
        return List.of("/api/inventory", "/api/projections/inventory-view");
    }

    @Override
    public void addTo(StreamsBuilder builder, EventlineConfig.Saga saga) {
        InventoryService.addTo(builder, saga == EventlineConfig.Saga.CHOREOGRAPHY);
    }

    @Override
    public void mount(Javalin app, ModuleContext context) {
        var gateway = context.closing(
                new CommandGateway<>(InventoryService.AGGREGATE, context.clientSettings(), context.commandTimeout()));
        var queries = new AggregateQueries<>(InventoryService.AGGREGATE, StoreProvider.of(context.streams()));
        var view = context.startView(InventoryService.VIEW);
        new InventoryRoutes(gateway, queries, view).register(app);
        // Now from the read model; as of a time, and the events, from the aggregate's stores (one task).
        KeyedStore current = context.storeOf(view);
        KeyedStore history = context.ownStore(InventoryService.AGGREGATE.historyStore());
        context.routeByKey(app, "/api/inventory/{sku}", "sku", ctx -> ctx.queryParam("asOf") == null ? current : history);
        context.routeByKey(app, "/api/inventory/{sku}/events", "sku", history);
    }
}
