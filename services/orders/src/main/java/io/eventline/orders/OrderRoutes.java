package io.eventline.orders;

import io.eventline.contracts.orders.CancelOrder;
import io.eventline.contracts.orders.CancelReason;
import io.eventline.contracts.orders.OrderCommand;
import io.eventline.contracts.orders.OrderEvent;
import io.eventline.contracts.orders.PlaceOrder;
import io.eventline.core.decider.AggregateQueries;
import io.eventline.core.decider.CommandGateway;
import io.eventline.core.decider.Reply;
import io.eventline.core.decider.Snapshot;
import io.eventline.core.decider.StoreProvider;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.Json;
import io.eventline.core.http.ApiException;
import io.eventline.core.http.Instants;
import io.eventline.core.http.RequestBody;
import io.eventline.core.http.StoreReads;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The orders endpoints of API.md. Placing answers 202 as soon as {@code order.placed} is in the log:
 * the saga goes on without the caller.
 */
public final class OrderRoutes {
    private final CommandGateway<OrderCommand> gateway;
    private final AggregateQueries<OrderCommand, Order, OrderEvent> queries;
    private final StoreProvider stores;

    public OrderRoutes(CommandGateway<OrderCommand> gateway, StoreProvider stores) {
        this.gateway = gateway;
        this.queries = new AggregateQueries<>(OrdersService.AGGREGATE, stores);
        this.stores = stores;
    }

    public void register(Javalin app) {
        app.post("/api/orders", this::place);
        app.get("/api/orders", this::list);
        app.get("/api/orders/{orderId}", this::order);
        app.post("/api/orders/{orderId}/cancel", this::cancel);
        app.get("/api/orders/{orderId}/events", this::events);
    }

    private void place(Context ctx) throws InterruptedException {
        PlaceOrder command = OrderRequest.parse(ctx.bodyAsBytes());
        Reply reply = gateway.request(command.orderId(), command, correlation(ctx, command.orderId()));
        refuseIfRejected(reply);
        accepted(ctx, command.orderId(), reply);
    }

    private void cancel(Context ctx) throws InterruptedException {
        String orderId = RequestBody.id("orderId", ctx.pathParam("orderId"));
        Reply reply = gateway.request(orderId, new CancelOrder(orderId, CancelReason.CANCELLED_BY_CUSTOMER),
                correlation(ctx, orderId));
        refuseIfRejected(reply);
        accepted(ctx, orderId, reply);
    }

    /** An order's whole chain shares one correlation id: its own id unless the caller brings one. */
    private static String correlation(Context ctx, String orderId) {
        String given = ctx.header("X-Correlation-Id");
        return given == null ? orderId : given;
    }

    private static void accepted(Context ctx, String orderId, Reply reply) {
        Order order = Json.treeToValue(reply.state(), Order.class);
        ctx.status(202).header("Location", "/api/orders/" + orderId)
                .json(Map.of("orderId", orderId, "status", order.status()));
    }

    private static void refuseIfRejected(Reply reply) {
        if (reply.accepted()) {
            return;
        }
        Reply.Refusal refusal = reply.rejection();
        throw switch (refusal.code()) {
            case OrderDecider.UNKNOWN -> ApiException.notFound(refusal.message());
            default -> ApiException.conflict(refusal.field(), refusal.message());
        };
    }

    private void order(Context ctx) {
        String orderId = RequestBody.id("orderId", ctx.pathParam("orderId"));
        Instant asOf = Instants.optional("asOf", ctx.queryParam("asOf"));
        OrderView view = StoreReads.read("orders", () -> {
            var snapshot = asOf == null ? queries.current(orderId) : queries.asOf(orderId, asOf);
            return snapshot.map(found -> OrderView.of(orderId, found, history(orderId, asOf),
                    compensations(orderId, asOf))).orElse(null);
        });
        if (view == null) {
            throw ApiException.notFound("order " + orderId + " is unknown" + (asOf == null ? "" : " by " + asOf));
        }
        ctx.json(view);
    }

    private List<OrderView.Step> compensations(String orderId, Instant asOf) {
        return CompensationSteps.of(stores, orderId).stream()
                .filter(step -> asOf == null || !Instant.parse(step.at()).isAfter(asOf)).toList();
    }

    private List<EventEnvelope> history(String orderId, Instant asOf) {
        return queries.events(orderId).stream()
                .filter(event -> asOf == null || !event.timestamp().isAfter(asOf)).toList();
    }

    private void list(Context ctx) {
        OrderStatus status = status(ctx.queryParam("status"));
        String customerId = ctx.queryParam("customerId") == null ? null
                : RequestBody.id("customerId", ctx.queryParam("customerId"));
        int limit = limit(ctx.queryParam("limit"));
        List<Map.Entry<String, Snapshot<Order>>> found = StoreReads.read("orders", () -> queries.all().entrySet().stream()
                .filter(e -> status == null || e.getValue().state().status() == status)
                .filter(e -> customerId == null || customerId.equals(e.getValue().state().customerId()))
                .sorted(Comparator.comparing((Map.Entry<String, Snapshot<Order>> e) -> e.getValue().timestamp())
                        .reversed())
                .limit(limit).toList());
        ctx.json(found.stream().map(e -> OrderView.of(e.getKey(), e.getValue(), List.of(), List.of())).toList());
    }

    private void events(Context ctx) {
        String orderId = RequestBody.id("orderId", ctx.pathParam("orderId"));
        ctx.json(StoreReads.read("orders", () -> queries.events(orderId)).stream().map(EnvelopeCodec::toTree).toList());
    }

    private static OrderStatus status(String value) {
        if (value == null) {
            return null;
        }
        try {
            OrderStatus status = OrderStatus.valueOf(value);
            if (status != OrderStatus.NONE) {
                return status;
            }
        } catch (IllegalArgumentException e) {
            // answered below, naming the field
        }
        throw ApiException.badRequest("status", "one of PLACED, PAID, RESERVED, SHIPPED, CANCELLED");
    }

    private static int limit(String value) {
        if (value == null) {
            return 100;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= 1000) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, naming the field
        }
        throw ApiException.badRequest("limit", "an integer from 1 to 1000");
    }
}
