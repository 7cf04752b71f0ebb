package io.eventline.app;

import io.eventline.app.broker.EmbeddedBroker;
import io.eventline.app.console.Console;
import io.eventline.app.http.AllowedHosts;
import io.eventline.app.http.ApiDocs;
import io.eventline.app.http.HttpApi;
import io.eventline.app.http.KeyRouting;
import io.eventline.app.http.SchemaDocs;
import io.eventline.app.metrics.Metrics;
import io.eventline.app.tracing.SpanExport;
import io.eventline.app.tracing.TraceRoutes;
import io.eventline.catalog.PostgresAddress;
import io.eventline.core.decider.CommandGateway;
import io.eventline.core.dlq.DeadLetterQueue;
import io.eventline.core.kafka.Topic;
import io.eventline.core.query.KeyOwner;
import io.eventline.core.query.KeyRouter;
import io.eventline.core.tracing.Tracing;
import io.javalin.config.RoutesConfig;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Eventline: the embedded broker (unless a cluster is named), the topics, the catalog's
 * PostgreSQL and Kafka Connect worker (when the catalog service runs), each service's streams, and the
 * HTTP API. {@link #close()} stops them in reverse order: HTTP, then streams, then
 * the broker, so nothing is cut off mid-transaction.
 */
public final class Eventline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Eventline.class);
    /**
     * The partitions Eventline creates each topic with (topics that exist keep theirs). Three: one a
     * broker on a three-broker cluster, and as many tasks per sub-topology as a node's two stream
     * threads and a third instance can share. A broker answers each fetch by reading every partition of
     * the fetch session, and each commit writes an offset per input partition of its tasks: with six, a
     * node at 300–400 orders/s spent 5–20 % more CPU than with three (docs/performance.md).
     */
    public static final int PARTITIONS = 3;
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);
    private static final int COMPOSED_THREADS = 2;

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final List<ServiceStreams> streams = new ArrayList<>();
    private final Map<String, ServiceStreams> applications = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<CommandGateway<?>> gateways = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ProjectionRoutes projections = new ProjectionRoutes();
    private String bootstrapServers;
    private HttpApi http;
    private volatile Set<String> registeredRoutes = Set.of();
    private KeyRouting routing;
    private Metrics metrics;
    private EmbeddedBroker broker;
    private String topicLayout;
    private CatalogRuntime catalog;
    private Tracing tracing;

    private Eventline() {
    }

    /** Starts everything; on failure, stops what had started and rethrows. */
    public static Eventline start(EventlineConfig config) {
        Eventline eventline = new Eventline();
        try {
            eventline.startAll(config);
            return eventline;
        } catch (RuntimeException | Error e) {
            eventline.close();
            throw e;
        }
    }

    private void startAll(EventlineConfig config) {
        if (config.kafka().embedded()) {
            EmbeddedBroker broker = EmbeddedBroker.start(config.dataDir(), "127.0.0.1", config.kafka().brokerPort(),
                    config.kafka().hangingTransactions());
            this.broker = broker;
            started.push(broker);
            bootstrapServers = broker.bootstrapServers();
        } else {
            bootstrapServers = config.kafka().bootstrapServers().orElseThrow();
        }
        Map<String, Object> clients = new HashMap<>(config.kafka().clientSettings());
        clients.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);

        List<ServiceModule> running = Modules.ALL.stream().filter(m -> config.services().contains(m.name())).toList();
        ApplicationLayout applicationLayout = ApplicationLayout.choose(clients, running);
        applicationLayout.why().ifPresent(why -> LOG.warn("The services run one application each: {}", why));
        List<Topic> topics = new ArrayList<>(PlatformTopics.all());
        topics.addAll(applicationLayout.composedDeadLetters()); // Kafka Streams creates no dead-letter topic
        Topics.ensure(clients, topics, PARTITIONS);
        TopicLayout.Described layout = TopicLayout.describe(clients, PlatformTopics.all().stream().map(Topic::name).toList());
        topicLayout = layout.text();
        DeadLetterQueue deadLetters = new DeadLetterQueue(clients);
        started.push(deadLetters);
        metrics = new Metrics(clients, this::streamsByApplication, deadLetters);
        started.push(metrics);
        SpanExport spans = SpanExport.start(config.telemetry(), "eventline");
        started.push(spans); // closed after the streams, so that their last spans are sent
        tracing = spans.tracing();
        if (broker != null) {
            metrics.bindSweeper(broker::sweeperCounts);
        }
        // The port is chosen before the streams start: they advertise it to the other instances.
        int port = HttpApi.choosePort(config.http().bind(), config.http().port());
        routing = new KeyRouting(new HostInfo(config.http().reachableHost(), port));
        started.push(routing);
        LOG.info("Other instances reach this one at {}:{}", routing.self().host(), port);
        if (config.services().contains(CatalogModule.NAME)) {
            // Before the catalog's streams: they read what its connector writes.
            catalog = CatalogRuntime.start(config.catalog(), config.dataDir(), clients, config.kafka().embedded());
            started.push(catalog);
            metrics.bindCatalogConnector(catalog::connectorRunning, catalog::slotLagBytes);
        }
        List<Consumer<RoutesConfig>> routes = new ArrayList<>();
        Set<String> serviceRoutes = new HashSet<>();
        for (List<ServiceModule> application : applicationLayout.applications()) {
            ServiceStreams service = startStreams(application, clients, config);
            metrics.bind(service.name(), service.streams());
            for (ServiceModule module : application) {
                applications.put(module.name(), service);
                routes.add(mounted -> serviceRoutes.addAll(RouteTable.mount(mounted, module,
                        new ModuleContext(service.streams(), clients, COMMAND_TIMEOUT, this::closeAtShutdown,
                                config.dataDir(),
                                projections, routing, metrics.observer(), tracing,
                                Optional.ofNullable(catalog)))));
            }
        }
        routes.add(projections::register);
        routes.add(new DlqRoutes(deadLetters)::register);
        routes.add(new TraceRoutes(clients, PlatformTopics.traced())::register);
        routes.add(metrics::register);
        Console console = new Console(clients, config.http().publicUrl().map(url -> url.toString().replaceAll("/+$", ""))
                .orElse(Console.selfUrl(config.http().bind(), port)), config.http().apiToken(),
                config.http().maxStreams());
        started.push(console);
        routes.add(console::register);
        routes.add(ApiDocs.load(bootstrapServers, PARTITIONS, layout.layout().flatMap(TopicLayout::replication))::register);
        routes.add(new SchemaDocs()::register);
        AllowedHosts hosts = AllowedHosts.of(config.http().bind(), config.http().reachableHost(),
                config.http().allowedHosts());
        http = HttpApi.start(config.http().bind(), port, config.http().apiToken(), hosts, this::notReady,
                mounted -> {
                    routes.forEach(route -> route.accept(mounted));
                    RouteTable.checkShared(mounted, serviceRoutes);
                    registeredRoutes = Set.copyOf(RouteTable.routes(mounted));
                }, metrics::httpRequest);
        started.push(http);
    }

    /**
     * Starts one application of {@code services}. The services on the saga's path composed run
     * {@value #COMPOSED_THREADS} stream threads unless the Kafka settings say how many (one would serve
     * every service's tasks in turn); those off the path, one, committing less often.
     */
    private ServiceStreams startStreams(List<ServiceModule> services, Map<String, Object> clients,
                                        EventlineConfig config) {
        String name = ApplicationLayout.name(services);
        Map<String, Object> settings = clients;
        boolean offThePath = services.stream().allMatch(ServiceModule::offTheSagaPath);
        if (services.size() > 1 && !offThePath) {
            settings = new HashMap<>(clients);
            settings.putIfAbsent(StreamsConfig.NUM_STREAM_THREADS_CONFIG, COMPOSED_THREADS);
        }
        ServiceStreams service = new ServiceStreams(name, offThePath,
                sources -> ServiceComposition.addTo(sources, services, config), settings,
                config.dataDir(), routing.self().host() + ":" + routing.self().port(), metrics.observer(), tracing);
        started.push(service);
        streams.add(service);
        service.start();
        return service;
    }

    /** Every stream of this instance, services' and read models', by application id (= consumer group). */
    private Map<String, KafkaStreams> streamsByApplication() {
        Map<String, KafkaStreams> all = new HashMap<>(projections.streams());
        streams.forEach(service -> all.put(ServiceStreams.applicationId(service.name()), service.streams()));
        return all;
    }

    /**
     * Starts every stream's shutdown at once; each is then awaited in turn. A stream thread's consumer
     * waits out its fetch in flight (up to {@code fetch.max.wait.ms}) when it closes: one after another,
     * 11 applications added those waits up.
     */
    private void tellAllStreamsToStop() {
        try {
            streamsByApplication().values().forEach(ServiceStreams::startClosing);
        } catch (RuntimeException e) {
            LOG.warn("starting the streams' shutdown failed; they stop one by one: {}", e.getMessage(), e);
        }
    }

    /** What a module hands over to be closed; its command gateways are watched for readiness too. */
    private void closeAtShutdown(AutoCloseable resource) {
        started.push(resource);
        if (resource instanceof CommandGateway<?> gateway) {
            gateways.add(gateway);
        }
    }

    /**
     * Why this instance is not ready, as docs/api.md defines ready: a service's streams not RUNNING or
     * still restoring stores, the catalog's connector not running (as Connect last said, every 2 s),
     * a read model not running or still restoring its store, or a command gateway's reply listener found
     * dead (restarted at once; the next look is ready again if it holds). Empty when ready.
     */
    public Optional<String> notReady() {
        List<String> why = new ArrayList<>();
        streams.forEach(service -> service.notReady().ifPresent(why::add));
        if (catalog != null) {
            catalog.notReady().ifPresent(why::add);
        }
        why.addAll(projections.notReady());
        for (CommandGateway<?> gateway : gateways) {
            if (!gateway.checkReplies()) {
                why.add("the reply listener of " + gateway.aggregateName() + " had stopped; it is restarted");
            }
        }
        return why.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", why));
    }

    public boolean isReady() {
        return notReady().isEmpty();
    }

    public void awaitReady(Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ServiceStreams service : streams) {
            service.awaitRunning(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
    }

    /** Where this instance reads {@code key} of {@code store} in {@code service}'s streams: for tests, diagnostics. */
    KeyOwner locate(String service, String store, String key) throws InterruptedException {
        return KeyRouter.of(streamsOf(service), routing.self()).locate(store, key, Duration.ofSeconds(5));
    }

    /** The streams of the application a service runs in on this instance: for tests (pausing one), diagnostics. */
    KafkaStreams streamsOf(String service) {
        return applicationOf(service).streams();
    }

    /** The id (and consumer group) of the application a service runs in on this instance. */
    String applicationIdOf(String service) {
        return ServiceStreams.applicationId(applicationOf(service).name());
    }

    private ServiceStreams applicationOf(String service) {
        ServiceStreams application = applications.get(service);
        if (application == null) {
            throw new IllegalArgumentException("service " + service + " is not running here");
        }
        return application;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The platform's topics as the cluster has them: {@code 3 partitions, replication 3, min.insync.replicas 2}. */
    public String topicLayout() {
        return topicLayout;
    }

    /** The catalog's PostgreSQL, when this instance runs the catalog service. */
    public Optional<PostgresAddress> catalogDatabase() {
        return Optional.ofNullable(catalog).map(CatalogRuntime::database);
    }

    /** The REST API of the in-process Kafka Connect worker, when this instance runs the catalog service. */
    public Optional<URI> connectUrl() {
        return Optional.ofNullable(catalog).map(CatalogRuntime::connectUrl);
    }

    public int httpPort() {
        return http.port();
    }

    /** Every HTTP route this instance serves, as {@code METHOD /path} ({@code GET /api/orders/{orderId}}). */
    public Set<String> routes() {
        return registeredRoutes;
    }

    @Override
    public void close() {
        boolean streamsTold = false;
        while (!started.isEmpty()) {
            AutoCloseable next = started.pop();
            if (!streamsTold && !(next instanceof HttpApi)) {
                tellAllStreamsToStop(); // once no request can reach them any more
                streamsTold = true;
            }
            try {
                next.close();
            } catch (Exception e) {
                LOG.warn("stopping {} failed: {}", next.getClass().getSimpleName(), e.getMessage(), e);
            }
        }
    }
}
