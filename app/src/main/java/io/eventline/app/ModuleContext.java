package io.eventline.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.app.http.KeyRouting;
import io.eventline.app.http.KeyedStore;
import io.eventline.core.decider.Aggregate;
import io.eventline.core.decider.CommandGateway;
import io.eventline.core.metrics.ProcessingObserver;
import io.eventline.core.projection.Projection;
import io.eventline.core.projection.ProjectionRunner;
import io.eventline.core.tracing.Tracing;
import io.eventline.http.AggregateRoutes;
import io.eventline.http.Route;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * What a running service's routes may use: its own streams (for interactive queries), the Kafka
 * client settings (for gateways and producers), a way to have a resource closed at shutdown, the data
 * dir (for read models' state), the registry of read models (for their rebuild API), the
 * routing of keyed GETs to the instance holding the key, what processors report to (metrics), and
 * how records and requests are traced, and the catalog's PostgreSQL and connectors when this instance runs the catalog service.
 */
record ModuleContext(KafkaStreams streams, Map<String, Object> clientSettings, Duration commandTimeout,
                     Consumer<AutoCloseable> closeAtShutdown, Path dataDir, ProjectionRoutes projections,
                     KeyRouting routing, ProcessingObserver observer, Tracing tracing,
                     Optional<CatalogRuntime> catalog) {
    <T extends AutoCloseable> T closing(T resource) {
        closeAtShutdown.accept(resource);
        return resource;
    }

    /**
     * Has GETs on {@code path} answered by the instance that holds the key (path parameter
     * {@code pathParam}) in {@code store} of this service's own streams, when several instances run.
     * {@snippet :
     * context.routeByKey(routes, "/api/shipments/{orderId}", "orderId", "shipments-snapshots");
     * }
     */
    void routeByKey(RoutesConfig routes, String path, String pathParam, String store) {
        routeByKey(routes, path, pathParam, ownStore(store));
    }

    /**
     * The same for a store of other streams, e.g. a read model's (those streams must advertise
     * {@link #applicationServer()} as {@code application.server}).
     * {@snippet :
     * context.routeByKey(routes, "/api/orders/{orderId}", "orderId", new KeyedStore(view::streams, view::store));
     * }
     */
    void routeByKey(RoutesConfig routes, String path, String pathParam, KeyedStore store) {
        routing.route(routes, path, pathParam, ctx -> store);
    }

    /**
     * The same where the store depends on the request, as an aggregate's state does: the read model
     * now, the history with {@code ?asOf=} (see {@link #expose}).
     */
    void routeByKey(RoutesConfig routes, String path, String pathParam, Function<Context, KeyedStore> storeFor) {
        routing.route(routes, path, pathParam, storeFor);
    }

    /**
     * Makes the list on {@code path} answer for every instance holding part of {@code store}, merging
     * their answers sorted by {@code order} and cut to {@code limit} (see {@code ListGathering}).
     */
    void gatherList(RoutesConfig routes, String path, KeyedStore store, Comparator<JsonNode> order,
                    ToIntFunction<Context> limit) {
        routing.gather(routes, path, store, order, limit);
    }

    /** The same for a list with no limit. */
    void gatherList(RoutesConfig routes, String path, KeyedStore store, Comparator<JsonNode> order) {
        gatherList(routes, path, store, order, ctx -> Integer.MAX_VALUE);
    }

    /** A store of this service's own streams. */
    KeyedStore ownStore(String store) {
        return KeyedStore.of(streams, store);
    }

    /** The store of a read model's active version, whichever that is when a request comes. */
    KeyedStore storeOf(ProjectionRunner<?> view) {
        return new KeyedStore(view::streams, view::store);
    }

    /**
     * Starts a read model for this service's routes: it advertises this instance so that its keys
     * can be routed, is listed by the projections API, and is closed at shutdown.
     */
    <V> ProjectionRunner<V> startView(Projection<V> projection) {
        var view = closing(new ProjectionRunner<>(projection, clientSettings,
                Map.of(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer(), ProcessingObserver.CONFIG, observer),
                dataDir.resolve("projections"),
                Optional.of(InstanceId.of(dataDir))));
        view.start();
        projections.add(view);
        return view;
    }

    /** A gateway to {@code aggregate}'s command topic, closed at shutdown (and watched for readiness). */
    <C> CommandGateway<C> gateway(Aggregate<C, ?, ?> aggregate) {
        return closing(new CommandGateway<>(aggregate, clientSettings, commandTimeout, tracing));
    }

    /**
     * Mounts an aggregate's routes as the service declared them, each read answered where its key
     * is held: the state from {@code view} now and from the aggregate's history as of a time, its
     * events from the history, its lists gathered from every instance holding part of {@code view}.
     */
    void expose(RoutesConfig routes, AggregateRoutes<?, ?, ?> aggregate, Aggregate<?, ?, ?> declared,
                ProjectionRunner<?> view) {
        KeyedStore current = storeOf(view);
        KeyedStore history = ownStore(declared.historyStore());
        for (Route route : aggregate.routes()) {
            routes.addHttpHandler(route.method(), route.path(), route.handler());
            switch (route.reads()) {
                case HERE -> {
                }
                case STATE -> routeByKey(routes, route.path(), route.keyParam(),
                        ctx -> ctx.queryParam("asOf") == null ? current : history);
                case HISTORY -> routeByKey(routes, route.path(), route.keyParam(), history);
                case LIST -> gatherList(routes, route.path(), current, route.order(), route.limit());
            }
        }
    }

    /** This instance's HTTP {@code host:port}, for {@code StreamsConfig.APPLICATION_SERVER_CONFIG}. */
    String applicationServer() {
        return routing.self().host() + ":" + routing.self().port();
    }
}
