package io.eventline.app;

import io.eventline.core.decider.Aggregate;
import io.eventline.core.kafka.Sources;
import io.eventline.core.kafka.Topic;
import io.javalin.config.RoutesConfig;
import java.util.List;

/**
 * How the app runs one service: its Kafka Streams topology (run as the application
 * {@code eventline-<name>}, or composed with others: {@link ApplicationLayout}), and its REST routes. One implementation per service, in
 * this package: the only place that sees every service.
 */
interface ServiceModule {
    String name();

    /**
     * The path prefixes of every route {@link #mount} registers: what a proxy in front of instances
     * that each run some services routes to this one ({@link RouteTable}). Checked at every start.
     */
    List<String> paths();

    /**
     * The topics the service owns, declared where they are named (its aggregate, saga, contracts): the
     * app creates them, with every module's dead-letter topic, before any service starts.
     */
    default List<Topic> topics() {
        return List.of();
    }

    /**
     * The aggregates whose deciders the service runs: an application that composes several services
     * declares their event topics kept as history tables ({@code DeciderTopology.keepHistory}) before
     * any part reads them.
     */
    default List<Aggregate<?, ?, ?>> aggregates() {
        return List.of();
    }

    /**
     * Whether nothing on the order saga's path waits for what this service writes (notifications,
     * analytics): its application then commits less often under load ({@code StreamsSettings.offThePath}).
     */
    default boolean offTheSagaPath() {
        return false;
    }

    /**
     * Whether the service may share one Kafka Streams application with the others this process runs
     * ({@link ApplicationLayout}): fewer threads, transactions and commits than one application each.
     */
    default boolean composes() {
        return true;
    }

    /** @param saga the style of the order saga: services react to each other, or an orchestrator commands */
    void addTo(Sources sources, EventlineConfig.Saga saga);

    /** The topology, for a service that needs more of the configuration than the saga style. */
    default void addTo(Sources sources, EventlineConfig config) {
        addTo(sources, config.saga());
    }

    /** Mounts the service's routes; {@code context} gives its streams and a Kafka client config. */
    void mount(RoutesConfig routes, ModuleContext context);
}
