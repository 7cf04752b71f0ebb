package io.eventline.notifications;

import io.eventline.contracts.notifications.NotificationCommand;
import io.eventline.contracts.notifications.NotificationEvent;
import io.eventline.core.decider.AggregateQueries;
import io.eventline.core.decider.StoreProvider;
import io.eventline.core.http.RequestBody;
import io.eventline.core.http.StoreReads;
import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * {@code GET /api/notifications[?orderId=…]} of API.md: the messages sent, from this instance's
 * stores (the app merges the answers of every instance holding a part). Read-only: messages are only ever caused by orders' events, never by a request.
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
        ctx.json(StoreReads.read("notifications", () -> orderId == null ? log.all() : log.forOrder(orderId)));
    }
}
