package io.eventline.app;

import io.eventline.customers.CustomerRoutes;
import io.eventline.customers.CustomerWriter;
import io.eventline.customers.CustomersService;
import io.javalin.Javalin;
import org.apache.kafka.streams.StreamsBuilder;
import java.util.List;

final class CustomersModule implements ServiceModule {
    @Override
    public String name() {
        return "customers";
    }

    @Override
    public List<String> paths() {
        return List.of("/api/customers");
    }

    @Override
    public void addTo(StreamsBuilder builder, EventlineConfig.Saga saga) {
        CustomersService.addTo(builder);
    }

    @Override
    public void mount(Javalin app, ModuleContext context) {
        var writer = context.closing(new CustomerWriter(context.clientSettings()));
        new CustomerRoutes(writer, context.streams()).register(app);
        context.routeByKey(app, "/api/customers/{customerId}", "customerId", CustomersService.STORE);
    }
}
