package io.eventline.notifications;

import io.eventline.contracts.notifications.NotificationCommand;
import io.eventline.contracts.notifications.NotificationEvent;
import io.eventline.core.decider.AggregateQueries;
import io.eventline.core.decider.StoreProvider;
import io.eventline.core.http.ApiException;
import io.eventline.core.http.RequestBody;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * {@code GET /api/notifications[?orderId=…]} of API.md: the messages sent, from this instance's
 * stores. Read-only: messages are only ever caused by orders' events, never by a request.
 */
public final class NotificationRoutes {
    private final NotificationLog log;

    public NotificationRoutes(AggregateQueries<NotificationCommand, Notification, NotificationEvent> queries,
                              StoreProvider stores) {
        this.log = new NotificationLog(queries, stores);
    }

    public void register(Javalin app) {
        app.get("/api/notifications", this::list);
    }

    private void list(Context ctx) {
        String orderParam = ctx.queryParam("orderId");
        String orderId = orderParam == null ? null : RequestBody.id("orderId", orderParam);
        ctx.json(readStores(() -> orderId == null ? log.all() : log.forOrder(orderId)));
    }

    private static List<NotificationView> readStores(Supplier<List<NotificationView>> query) {
        try {
            return query.get();
        } catch (InvalidStateStoreException e) {
            throw ApiException.unavailable("the notifications store is not ready (restoring or rebalancing); retry");
        }
    }
}
