package io.eventline.app;

import io.eventline.contracts.shipments.ShipmentContracts;
import io.eventline.core.decider.Aggregate;
import io.eventline.core.decider.AggregateQueries;
import io.eventline.core.decider.StoreProvider;
import io.eventline.core.kafka.Sources;
import io.eventline.core.kafka.Topic;
import io.eventline.shipping.ShipmentRoutes;
import io.eventline.shipping.ShippingService;
import io.javalin.config.RoutesConfig;
import java.util.List;

final class ShippingModule implements ServiceModule {
    @Override
    public String name() {
        return "shipping";
    }

    @Override
    public List<Topic> topics() {
        return ShipmentContracts.TOPICS.all();
    }

    @Override
    public List<String> paths() {
        return List.of("/api/shipments");
    }

    @Override
    public List<Aggregate<?, ?, ?>> aggregates() {
        return List.of(ShippingService.AGGREGATE);
    }

    @Override
    public void addTo(Sources sources, EventlineConfig.Saga saga) {
        ShippingService.addTo(sources, saga == EventlineConfig.Saga.CHOREOGRAPHY);
    }

    @Override
    public void mount(RoutesConfig routes, ModuleContext context) {
        var queries = new AggregateQueries<>(ShippingService.AGGREGATE, StoreProvider.of(context.streams()));
        new ShipmentRoutes(queries).register(routes);
        context.routeByKey(routes, "/api/shipments/{orderId}", "orderId", ShippingService.AGGREGATE.snapshotStore());
    }
}
