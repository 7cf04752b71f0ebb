package io.eventline.app;

import io.eventline.core.decider.Aggregate;
import io.eventline.core.decider.CommandGateway;
import io.eventline.core.decider.StoreProvider;
import io.eventline.core.kafka.Sources;
import io.eventline.core.kafka.StreamsSettings;
import io.eventline.core.kafka.Topic;
import io.eventline.core.projection.Projection;
import io.eventline.core.projection.ProjectionRunner;
import io.eventline.http.AggregateRoutes;
import io.javalin.config.RoutesConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A service that is one event-sourced aggregate (accounts, inventory, orders): its topology, a read
 * model of its state, and the routes it declares, mounted once for all of them (see
 * {@link ModuleContext#expose}).
 *
 * @param topology builds the service's topology; its flag says whether the saga is choreographed
 * @param view the read model that answers its current state
 * @param routes the service's routes over its gateway, its own stores and the read model
 */
record AggregateModule<C, V>(String name, BiConsumer<Sources, Boolean> topology,
                             Aggregate<C, ?, ?> aggregate, Projection<V> view, Routes<C, V> routes,
                             List<Topic> ownTopics)
        implements ServiceModule {

    AggregateModule(String name, BiConsumer<Sources, Boolean> topology, Aggregate<C, ?, ?> aggregate,
                    Projection<V> view, Routes<C, V> routes) {
        this(name, topology, aggregate, view, routes, List.of());
    }

    /** Its aggregate's topics, its read model's dead letters (every version shares them), and its own. */
    @Override
    public List<Topic> topics() {
        List<Topic> topics = new ArrayList<>(aggregate.topics().all());
        topics.add(StreamsSettings.deadLetters(view.applicationId(1)));
        topics.addAll(ownTopics);
        return topics;
    }

    /** How a service declares its routes. */
    @FunctionalInterface
    interface Routes<C, V> {
        AggregateRoutes<C, ?, ?> of(CommandGateway<C> gateway, StoreProvider stores, ProjectionRunner<V> view);
    }

    /** Its resource ({@code /api/<name>}) and its read model's rebuild ({@code /api/projections/<view>}). */
    @Override
    public List<String> paths() {
        return List.of("/api/" + name, "/api/projections/" + view.name());
    }

    @Override
    public List<Aggregate<?, ?, ?>> aggregates() {
        return List.of(aggregate);
    }

    @Override
    public void addTo(Sources sources, EventlineConfig.Saga saga) {
        topology.accept(sources, saga == EventlineConfig.Saga.CHOREOGRAPHY);
    }

    @Override
    public void mount(RoutesConfig mounted, ModuleContext context) {
        ProjectionRunner<V> runner = context.startView(view);
        AggregateRoutes<C, ?, ?> declared = routes.of(context.gateway(aggregate), StoreProvider.of(context.streams()),
                runner);
        context.expose(mounted, declared, aggregate, runner);
    }
}
