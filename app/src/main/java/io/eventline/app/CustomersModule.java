package io.eventline.app;

import io.eventline.contracts.customers.CustomerContracts;
import io.eventline.core.kafka.Sources;
import io.eventline.core.kafka.Topic;
import io.eventline.customers.CustomerRoutes;
import io.eventline.customers.CustomerWriter;
import io.eventline.customers.CustomersService;
import io.javalin.config.RoutesConfig;
import java.util.List;

final class CustomersModule implements ServiceModule {
    @Override
    public String name() {
        return "customers";
    }

    @Override
    public List<Topic> topics() {
        return List.of(CustomerContracts.CUSTOMERS);
    }

    /**
     * No: its decider keeps the customers' topic as its history table, which shipping and notifications
     * copy to every instance as a global table, and one application reads a topic once.
     */
    @Override
    public boolean composes() {
        return false;
    }

    @Override
    public List<String> paths() {
        return List.of("/api/customers");
    }

    @Override
    public void addTo(Sources sources, EventlineConfig.Saga saga) {
        CustomersService.addTo(sources);
    }

    @Override
    public void mount(RoutesConfig routes, ModuleContext context) {
        var writer = context.closing(new CustomerWriter(context.clientSettings(), context.tracing()));
        new CustomerRoutes(writer, context.streams()).register(routes);
        context.routeByKey(routes, "/api/customers/{customerId}", "customerId", CustomersService.STORE);
    }
}
