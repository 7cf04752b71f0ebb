package io.eventline.app;

import io.eventline.contracts.shipments.ShipmentContracts;
import io.eventline.core.decider.AggregateQueries;
import io.eventline.core.decider.StoreProvider;
import io.eventline.core.kafka.Topic;
import io.eventline.shipping.ShipmentRoutes;
import io.eventline.shipping.ShippingService;
import io.javalin.config.RoutesConfig;
import org.apache.kafka.streams.StreamsBuilder;
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
    public void addTo(StreamsBuilder builder, EventlineConfig.Saga saga) {
        ShippingService.addTo(builder, saga == EventlineConfig.Saga.CHOREOGRAPHY);
    }

    @Override
    public void mount(RoutesConfig routes, ModuleContext context) {
        var queries = new AggregateQueries<>(ShippingService.AGGREGATE, StoreProvider.of(context.streams()));
        new ShipmentRoutes(queries).register(routes);
        context.routeByKey(routes, "/api/shipments/{orderId}", "orderId", ShippingService.AGGREGATE.snapshotStore());
    }
}
