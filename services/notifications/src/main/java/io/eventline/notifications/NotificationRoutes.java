package io.eventline.notifications;

import io.eventline.contracts.notifications.NotificationCommand;
import io.eventline.contracts.notifications.NotificationEvent;
import io.eventline.core.decider.AggregateQueries;
import io.eventline.core.query.PartitionStores;
import io.eventline.core.query.StoreReads;
import io.eventline.http.ListLimit;
import io.eventline.http.RequestBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code GET /api/notifications[?orderId=…][&limit=…]} of docs/api.md: the messages sent, newest first, at
 * most {@code limit} (1 to {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}), from this instance's
 * stores (the app merges the answers of every instance holding a part). Read-only: messages are only
 * ever caused by orders' events, never by a request.
 */
public final class NotificationRoutes {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final NotificationLog log;

    /** @param partitions this instance's partitions of {@value NotificationsService#BY_TIME_STORE} */
    public NotificationRoutes(AggregateQueries<NotificationCommand, Notification, NotificationEvent> queries,
                              PartitionStores partitions) {
        this.log = new NotificationLog(queries, partitions);
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/notifications", this::list);
    }

    private void list(Context ctx) {
        String orderParam = ctx.queryParam("orderId");
        String orderId = orderParam == null ? null : RequestBody.id("orderId", orderParam);
        int limit = listLimit(ctx);
        ctx.json(StoreReads.read("notifications", () -> orderId == null ? log.newest(limit) : log.forOrder(orderId)));
    }

    /** How many messages {@code GET /api/notifications} answers for a request. */
    public static int listLimit(Context ctx) {
        return ListLimit.of("limit", ctx.queryParam("limit"), DEFAULT_LIMIT, MAX_LIMIT);
    }
}
