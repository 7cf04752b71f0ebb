package io.eventline.app;

import io.eventline.contracts.notifications.NotificationContracts;
import io.eventline.core.decider.Aggregate;
import io.eventline.core.decider.AggregateQueries;
import io.eventline.core.decider.StoreProvider;
import io.eventline.core.kafka.Sources;
import io.eventline.core.kafka.Topic;
import io.eventline.core.query.PartitionStores;
import io.eventline.notifications.Mailer;
import io.eventline.notifications.NotificationRoutes;
import io.eventline.notifications.NotificationsService;
import io.javalin.config.RoutesConfig;
import java.util.List;

/**
 * Notifications: reacts to orders' outcomes on its own and mails each message, to the webhook of
 * {@code --mail-webhook} or else as files under {@code <data-dir>/mail}; its routes only read what it sent.
 */
final class NotificationsModule implements ServiceModule {
    @Override
    public String name() {
        return "notifications";
    }

    @Override
    public boolean offTheSagaPath() {
        return true; // nothing on an order's way to shipped waits for it
    }

    @Override
    public List<Topic> topics() {
        // A dead-lettered mail is replayed here, not to notifications.events: its event stays once in the log.
        return List.of(NotificationContracts.TOPICS.commands(), NotificationContracts.TOPICS.events(),
                NotificationContracts.TOPICS.replies(), Topic.commands(NotificationsService.MAIL_REPLAYS, "orderId"));
    }

    @Override
    public List<String> paths() {
        return List.of("/api/notifications");
    }

    @Override
    public List<Aggregate<?, ?, ?>> aggregates() {
        return List.of(NotificationsService.AGGREGATE);
    }

    @Override
    public void addTo(Sources sources, EventlineConfig.Saga saga) {
        throw new UnsupportedOperationException("notifications needs the mail settings: addTo(sources, config)");
    }

    @Override
    public void addTo(Sources sources, EventlineConfig config) {
        NotificationsService.addTo(sources, mailer(config));
    }

    @Override
    public void mount(RoutesConfig routes, ModuleContext context) {
        StoreProvider stores = StoreProvider.of(context.streams());
        new NotificationRoutes(new AggregateQueries<>(NotificationsService.AGGREGATE, stores),
                PartitionStores.of(context::streams)).register(routes);
        context.gatherList(routes, "/api/notifications", context.ownStore(NotificationsService.AGGREGATE.historyStore()),
                ListOrders.NOTIFICATIONS, NotificationRoutes::listLimit);
    }

    static Mailer mailer(EventlineConfig config) {
        EventlineConfig.Mail mail = config.mail();
        return mail.webhook().map(url -> Mailer.webhook(url, mail.timeout()))
                .orElseGet(() -> Mailer.files(config.dataDir().resolve("mail")));
    }
}
