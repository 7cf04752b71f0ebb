package io.eventline.app;

import io.eventline.core.decider.AggregateQueries;
import io.eventline.core.decider.StoreProvider;
import io.eventline.notifications.NotificationRoutes;
import io.eventline.notifications.NotificationsService;
import io.javalin.Javalin;
import org.apache.kafka.streams.StreamsBuilder;

/** Notifications: reacts to orders' outcomes on its own; its routes only read what it sent. */
final class NotificationsModule implements ServiceModule {
    @Override
    public String name() {
        return "notifications";
    }

    @Override
    public void addTo(StreamsBuilder builder, EventlineConfig.Saga saga) {
        NotificationsService.addTo(builder);
    }

    @Override
    public void mount(Javalin app, ModuleContext context) {
        StoreProvider stores = StoreProvider.of(context.streams());
        new NotificationRoutes(new AggregateQueries<>(NotificationsService.AGGREGATE, stores), stores).register(app);
    }
}
