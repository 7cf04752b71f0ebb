package io.eventline.app;

import io.eventline.core.decider.AggregateQueries;
import io.eventline.core.decider.CommandGateway;
import io.eventline.core.decider.StoreProvider;
import io.eventline.inventory.InventoryRoutes;
import io.eventline.inventory.InventoryService;
import io.javalin.Javalin;
import org.apache.kafka.streams.StreamsBuilder;

final class InventoryModule implements ServiceModule {
    @Override
    public String name() {
        return "inventory";
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
        new InventoryRoutes(gateway, queries).register(app);
    }
}
