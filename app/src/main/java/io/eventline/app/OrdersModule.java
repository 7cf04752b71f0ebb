package io.eventline.app;

import io.eventline.app.http.KeyedStore;
import io.eventline.core.decider.CommandGateway;
import io.eventline.core.decider.StoreProvider;
import io.eventline.orders.OrderRoutes;
import io.eventline.orders.OrderViewProjector;
import io.eventline.orders.OrdersService;
import io.javalin.config.RoutesConfig;
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
    public void mount(RoutesConfig routes, ModuleContext context) {
        var gateway = context.closing(
                new CommandGateway<>(OrdersService.AGGREGATE, context.clientSettings(), context.commandTimeout()));
        var view = context.startView(OrderViewProjector.PROJECTION);
        new OrderRoutes(gateway, StoreProvider.of(context.streams()), view).register(routes);
        // Now from the read model; as of a time, and the events, from the aggregate's stores.
        KeyedStore current = context.storeOf(view);
        KeyedStore history = context.ownStore(OrdersService.AGGREGATE.historyStore());
        context.routeByKey(routes, "/api/orders/{orderId}", "orderId",
                ctx -> ctx.queryParam("asOf") == null ? current : history);
        context.routeByKey(routes, "/api/orders/{orderId}/events", "orderId", history);
        context.gatherList(routes, "/api/orders", current, ListOrders.ORDERS, OrderRoutes::listLimit);
    }
}
