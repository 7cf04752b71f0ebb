package io.eventline.app;

import io.eventline.core.decider.CommandGateway;
import io.eventline.core.decider.StoreProvider;
import io.eventline.app.http.KeyedStore;
import io.eventline.orders.OrderRoutes;
import io.eventline.orders.OrderViewProjector;
import io.eventline.orders.OrdersService;
import io.javalin.Javalin;
import org.apache.kafka.streams.StreamsBuilder;
import java.util.List;

final class OrdersModule implements ServiceModule {
    @Override
    public String name() {
        return "orders";
    }

    @Override
    public List<String> paths() {
        return List.of("/api/orders", "/api/projections/orders-view");
    }

    @Override
    public void addTo(StreamsBuilder builder, EventlineConfig.Saga saga) {
        OrdersService.addTo(builder, saga == EventlineConfig.Saga.CHOREOGRAPHY);
    }

    @Override
    public void mount(Javalin app, ModuleContext context) {
        var gateway = context.closing(
                new CommandGateway<>(OrdersService.AGGREGATE, context.clientSettings(), context.commandTimeout()));
        var view = context.startView(OrderViewProjector.PROJECTION);
        new OrderRoutes(gateway, StoreProvider.of(context.streams()), view).register(app);
        // Now from the read model; as of a time, and the events, from the aggregate's stores.
        KeyedStore current = context.storeOf(view);
        KeyedStore history = context.ownStore(OrdersService.AGGREGATE.historyStore());
        context.routeByKey(app, "/api/orders/{orderId}", "orderId",
                ctx -> ctx.queryParam("asOf") == null ? current : history);
        context.routeByKey(app, "/api/orders/{orderId}/events", "orderId", history);
        context.gatherList(app, "/api/orders", current, ListOrders.ORDERS, OrderRoutes::listLimit);
    }
}
