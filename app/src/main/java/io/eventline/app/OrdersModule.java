package io.eventline.app;

import io.eventline.core.decider.AggregateQueries;
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
    public void addTo(StreamsBuilder builder) {
        OrdersService.addTo(builder);
    }

    @Override
    public void mount(Javalin app, ModuleContext context) {
        var gateway = context.closing(
                new CommandGateway<>(OrdersService.AGGREGATE, context.clientSettings(), context.commandTimeout()));
        var queries = new AggregateQueries<>(OrdersService.AGGREGATE, StoreProvider.of(context.streams()));
        new OrderRoutes(gateway, queries).register(app);
    }
}
