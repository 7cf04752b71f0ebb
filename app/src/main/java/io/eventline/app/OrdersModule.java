package io.eventline.app;

import io.eventline.core.decider.CommandGateway;
import io.eventline.core.decider.StoreProvider;
import io.eventline.orders.OrderRoutes;
import io.eventline.orders.OrdersService;
import io.javalin.Javalin;
import org.apache.kafka.streams.StreamsBuilder;

final class OrdersModule implements ServiceModule {
    @Override
    public String name() {
        return "orders";
    }

    @Override
    public void addTo(StreamsBuilder builder, EventlineConfig.Saga saga) {
        OrdersService.addTo(builder, saga == EventlineConfig.Saga.CHOREOGRAPHY);
    }

    @Override
    public void mount(Javalin app, ModuleContext context) {
        var gateway = context.closing(
                new CommandGateway<>(OrdersService.AGGREGATE, context.clientSettings(), context.commandTimeout()));
        new OrderRoutes(gateway, StoreProvider.of(context.streams())).register(app);
    }
}
