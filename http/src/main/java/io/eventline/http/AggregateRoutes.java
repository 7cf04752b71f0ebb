package io.eventline.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.core.decider.AggregateQueries;
import io.eventline.core.decider.CommandGateway;
import io.eventline.core.decider.Reply;
import io.eventline.core.decider.Snapshot;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.projection.Projected;
import io.eventline.core.projection.ProjectionRunner;
import io.eventline.core.query.StoreReads;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * One event-sourced aggregate over HTTP, each route declared once: commands sent through the
 * aggregate's command topic and answered from the decider's reply (a refusal as a problem), its
 * state now from a read model (held until {@code ?minVersion=}) or as of a time from its history,
 * its events, and any other read with where it reads. The app mounts {@link #routes()}.
 * Handlers block on the reply: Javalin runs them on virtual threads.
 *
 * {@snippet :
 * new AggregateRoutes<>("customerId", "accounts", gateway, queries)
 *         .command("/api/accounts/{customerId}/deposits", ctx -> deposit(ctx), (ctx, id, reply) -> ctx.json(view(reply)))
 *         .state("/api/accounts/{customerId}", "account", view, AccountView::then, AccountView::now)
 *         .events("/api/accounts/{customerId}/events");
 * }
 *
 * @param <C> the aggregate's commands
 */
public final class AggregateRoutes<C, S, E> {
    /** How long a read waits for the read model to reach {@code ?minVersion=}. */
    public static final Duration READ_YOUR_WRITES = Duration.ofSeconds(5);

    /** A command read from a request, with the aggregate it is for. */
    public record Addressed<C>(String aggregateId, C command) {
    }

    /** How a request answers once its command is accepted. */
    @FunctionalInterface
    public interface Answer {
        void answer(Context ctx, String aggregateId, Reply reply);
    }

    /** What names a command's chain of events when the caller sends no {@code X-Correlation-Id}. */
    public enum Correlation { NEW_PER_REQUEST, AGGREGATE_ID }

    private final String keyParam;
    private final String storeOwner;
    private final CommandGateway<C> gateway;
    private final AggregateQueries<C, S, E> queries;
    private final List<Route> routes = new ArrayList<>();
    private Correlation correlation = Correlation.NEW_PER_REQUEST;
    private Function<Reply.Refusal, RuntimeException> refusal =
            refused -> ApiException.conflict(refused.field(), refused.message());

    /**
     * @param keyParam the path parameter of the aggregate id, e.g. {@code customerId}
     * @param storeOwner who owns the stores, for a read while they are not ready ("the accounts store…")
     */
    public AggregateRoutes(String keyParam, String storeOwner, CommandGateway<C> gateway,
                           AggregateQueries<C, S, E> queries) {
        this.keyParam = keyParam;
        this.storeOwner = storeOwner;
        this.gateway = gateway;
        this.queries = queries;
    }

    /** Without {@code X-Correlation-Id}, the chain is named by the aggregate id rather than a new one. */
    public AggregateRoutes<C, S, E> correlatedByAggregateId() {
        this.correlation = Correlation.AGGREGATE_ID;
        return this;
    }

    /** How a refusal answers; a 409 problem naming the refusal's field unless said otherwise. */
    public AggregateRoutes<C, S, E> refusing(Function<Reply.Refusal, RuntimeException> refusal) {
        this.refusal = refusal;
        return this;
    }

    /** POST {@code path}: the command {@code request} reads, sent and awaited; {@code answer} once accepted. */
    public AggregateRoutes<C, S, E> command(String path, Function<Context, Addressed<C>> request, Answer answer) {
        return add(HandlerType.POST, path, Route.Reads.HERE, ctx -> {
            Addressed<C> addressed = request.apply(ctx);
            String given = ctx.header("X-Correlation-Id");
            String correlationId = given != null ? given : switch (correlation) {
                case NEW_PER_REQUEST -> UUID.randomUUID().toString();
                case AGGREGATE_ID -> addressed.aggregateId();
            };
            Reply reply = gateway.request(addressed.aggregateId(), addressed.command(), correlationId);
            if (!reply.accepted()) {
                throw refusal.apply(reply.rejection());
            }
            answer.answer(ctx, addressed.aggregateId(), reply);
        });
    }

    /**
     * GET {@code path}: the state now from {@code view} (held until {@code ?minVersion=}), or as of
     * {@code ?asOf=} from the history; 404 naming the {@code noun} and id when it has no event (by then).
     */
    public <V> AggregateRoutes<C, S, E> state(String path, String noun, ProjectionRunner<V> view,
                                              BiFunction<String, Snapshot<S>, Object> then,
                                              BiFunction<String, Projected<V>, Object> now) {
        return add(HandlerType.GET, path, Route.Reads.STATE, ctx -> {
            String id = id(ctx);
            Instant asOf = Instants.optional("asOf", ctx.queryParam("asOf"));
            long minVersion = MinVersion.of(ctx.queryParam("minVersion")); // checked even when asOf makes it moot
            if (asOf != null) {
                Snapshot<S> found = StoreReads.read(storeOwner, () -> queries.asOf(id, asOf)).orElseThrow(
                        () -> ApiException.notFound(noun + " " + id + " has no event by " + asOf));
                ctx.json(then.apply(id, found));
                return;
            }
            Projected<V> found = view.await(id, minVersion, READ_YOUR_WRITES)
                    .orElseThrow(() -> ApiException.notFound(noun + " " + id + " has no event"));
            ctx.json(now.apply(id, found));
        });
    }

    /** GET {@code path}: the aggregate's events, oldest first, in their envelope. */
    public AggregateRoutes<C, S, E> events(String path) {
        return add(HandlerType.GET, path, Route.Reads.HISTORY, ctx -> {
            String id = id(ctx);
            ctx.json(StoreReads.read(storeOwner, () -> queries.events(id)).stream().map(EnvelopeCodec::toTree).toList());
        });
    }

    /** GET {@code path}, answered by {@code handler}, reading where {@code reads} says (keyed by the id). */
    public AggregateRoutes<C, S, E> read(String path, Route.Reads reads, Handler handler) {
        return add(HandlerType.GET, path, reads, handler);
    }

    /** GET {@code path}, a list over the read model, sorted by {@code order}, {@code limit} items a request. */
    public AggregateRoutes<C, S, E> list(String path, Comparator<JsonNode> order, ToIntFunction<Context> limit,
                                         Handler handler) {
        routes.add(new Route(HandlerType.GET, path, handler, Route.Reads.LIST, null, order, limit));
        return this;
    }

    /** The aggregate id in the path, checked as API ids are. */
    public String id(Context ctx) {
        return RequestBody.id(keyParam, ctx.pathParam(keyParam));
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    private AggregateRoutes<C, S, E> add(HandlerType method, String path, Route.Reads reads, Handler handler) {
        routes.add(new Route(method, path, handler, reads, path.contains("{" + keyParam + "}") ? keyParam : null,
                null, null));
        return this;
    }
}
