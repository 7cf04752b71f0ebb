package io.eventline.orders;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.contracts.orders.CancelOrder;
import io.eventline.contracts.orders.CancelReason;
import io.eventline.contracts.orders.OrderCommand;
import io.eventline.contracts.orders.OrderEvent;
import io.eventline.contracts.orders.PlaceOrder;
import io.eventline.core.decider.AggregateQueries;
import io.eventline.core.decider.CommandGateway;
import io.eventline.core.decider.Reply;
import io.eventline.core.decider.StoreProvider;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.Json;
import io.eventline.core.projection.Projected;
import io.eventline.core.projection.ProjectionRunner;
import io.eventline.core.query.StoreReads;
import io.eventline.http.AggregateRoutes;
import io.eventline.http.AggregateRoutes.Addressed;
import io.eventline.http.ApiException;
import io.eventline.http.Durations;
import io.eventline.http.Instants;
import io.eventline.http.ListLimit;
import io.eventline.http.MinVersion;
import io.eventline.http.RequestBody;
import io.eventline.http.Route;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The orders endpoints of docs/api.md. Placing answers 202 as soon as {@code order.placed} is in the
 * log: the saga goes on without the caller. An order's whole chain shares one correlation id: its own
 * id unless the caller brings one.
 */
public final class OrderRoutes {
    private static final Duration DEFAULT_VERSION_WAIT = Duration.ofSeconds(5);
    private static final Comparator<Map.Entry<String, Projected<OrderSummary>>> NEWEST_CHANGED_FIRST =
            Comparator.comparing((Map.Entry<String, Projected<OrderSummary>> e) -> e.getValue().updated()).reversed()
                    .thenComparing(Map.Entry::getKey);
    /** The list's order read from its JSON, so that several instances' answers merge into one list. */
    private static final Comparator<JsonNode> NEWEST_CHANGED_FIRST_JSON =
            Comparator.comparing((JsonNode item) -> item.path("updated").asText()).reversed()
                    .thenComparing(item -> item.path("orderId").asText());

    private final AggregateQueries<OrderCommand, Order, OrderEvent> queries;
    private final StoreProvider stores;
    private final ProjectionRunner<OrderSummary> view;

    private OrderRoutes(StoreProvider stores, ProjectionRunner<OrderSummary> view) {
        this.queries = new AggregateQueries<>(OrdersService.AGGREGATE, stores);
        this.stores = stores;
        this.view = view;
    }

    /**
     * @param stores the orders service's own stores: the order's history (as-of queries) and the
     *     compensations read model
     * @param view the orders read model, which answers every other query
     */
    public static AggregateRoutes<OrderCommand, Order, OrderEvent> of(CommandGateway<OrderCommand> gateway,
                                                                      StoreProvider stores,
                                                                      ProjectionRunner<OrderSummary> view) {
        OrderRoutes orders = new OrderRoutes(stores, view);
        var routes = new AggregateRoutes<>("orderId", "orders", gateway, orders.queries).correlatedByAggregateId()
                .refusing(refusal -> switch (refusal.code()) {
                    case OrderDecider.UNKNOWN -> ApiException.notFound(refusal.message());
                    default -> ApiException.conflict(refusal.field(), refusal.message());
                });
        return routes
                .command("/api/orders", ctx -> {
                    PlaceOrder command = OrderRequest.parse(ctx.bodyAsBytes());
                    return new Addressed<>(command.orderId(), command);
                }, OrderRoutes::accepted)
                .list("/api/orders", NEWEST_CHANGED_FIRST_JSON, ctx -> limit(ctx.queryParam("limit")), orders::list)
                .read("/api/orders/{orderId}", Route.Reads.STATE, ctx -> orders.order(routes.id(ctx), ctx))
                .command("/api/orders/{orderId}/cancel", ctx -> {
                    String orderId = routes.id(ctx);
                    return new Addressed<>(orderId, new CancelOrder(orderId, CancelReason.CANCELLED_BY_CUSTOMER));
                }, OrderRoutes::accepted)
                .events("/api/orders/{orderId}/events");
    }

    private static void accepted(Context ctx, String orderId, Reply reply) {
        OrderAnswer order = Json.treeToValue(reply.summary(), OrderAnswer.class);
        ctx.status(202).header("Location", "/api/orders/" + orderId)
                .json(Map.of("orderId", orderId, "status", order.status()));
    }

    private void order(String orderId, Context ctx) throws InterruptedException {
        Instant asOf = Instants.optional("asOf", ctx.queryParam("asOf"));
        Duration wait = Durations.optional("wait", ctx.queryParam("wait"));
        long minVersion = MinVersion.of(ctx.queryParam("minVersion"));
        OrderView view = asOf != null ? asOf(orderId, asOf) : awaitView(orderId, wait, minVersion);
        if (view == null) {
            throw ApiException.notFound("order " + orderId + " is unknown" + (asOf == null ? "" : " by " + asOf));
        }
        ctx.json(view);
    }

    /** The state as of a time, from the order's own events (its history), not from the read model. */
    private OrderView asOf(String orderId, Instant asOf) {
        return StoreReads.read("orders", () -> queries.asOf(orderId, asOf).map(found -> OrderView.of(orderId,
                found, history(orderId, asOf), compensations(orderId, asOf))).orElse(null));
    }

    /**
     * The read model's view, held until the order is terminal ({@code wait}) or has reached a version
     * ({@code minVersion}, for reading one's own write), or the time is up: then the current view.
     */
    private OrderView awaitView(String orderId, Duration wait, long minVersion) throws InterruptedException {
        Duration limit = wait != null ? wait : minVersion > 0 ? DEFAULT_VERSION_WAIT : Duration.ZERO;
        return view.await(orderId, found -> found.version() >= minVersion
                        && (wait == null || found.view().status().isTerminal()), limit)
                .map(projected -> OrderView.of(orderId, projected, compensations(orderId, null))).orElse(null);
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
        // The read model's index keeps each list newest changed first: a page reads its own entries
        // (with both filters, the customer's list until it has the page: docs/api.md says the cost).
        String list = customerId != null ? OrderViewProjector.ofCustomer(customerId)
                : status != null ? OrderViewProjector.withStatus(status) : OrderViewProjector.ALL;
        // Checked again on the view read: it may have changed since the index said where it was.
        Predicate<Projected<OrderSummary>> where = found -> (status == null || found.view().status() == status)
                && (customerId == null || customerId.equals(found.view().customerId()));
        ctx.json(view.newest(list, where, limit).stream().sorted(NEWEST_CHANGED_FIRST)
                .map(e -> OrderView.of(e.getKey(), e.getValue(), compensations(e.getKey(), null))).toList());
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
        return ListLimit.of("limit", value, 100, 1000);
    }
}
