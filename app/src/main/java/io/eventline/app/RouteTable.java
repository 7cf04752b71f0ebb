package io.eventline.app;

import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.Collectors;

/**
 * Which instances a path is served by, for whatever routes requests to several instances (the front
 * door of {@code scripts/cluster.sh}, the Ingress in {@code deploy/}): a service's own paths only by
 * the instances running that service; the console, topics, consumer groups, the live stream, dead
 * letters and health by any instance; the console's load by one instance at a time, since it runs
 * in the instance that started it and only that one can tell how it goes.
 *
 * <p>The table is the modules' own {@link ServiceModule#paths()}; every start checks each route
 * against it ({@link #check}), so a route added outside it fails every test that starts the app.
 */
public final class RouteTable {
    /** Served by every instance, whatever services it runs. */
    public static final List<String> ANY_INSTANCE = List.of("/", "/console", "/webjars", "/api/topics",
            "/api/consumers", "/api/stream", "/api/dlq", "/api/projections", "/api/traces", "/api/openapi.json",
            "/api/docs", "/api/schemas", "/api/asyncapi.json", "/metrics", "/health");
    /** Served by every instance, but stateful: a proxy sends them to one instance while it is up. */
    public static final List<String> ONE_INSTANCE = List.of("/api/load");

    private RouteTable() {
    }

    /** Each service's path prefixes, by service name, in the order the services start. */
    public static Map<String, List<String>> byService() {
        Map<String, List<String>> table = new LinkedHashMap<>();
        Modules.ALL.forEach(module -> table.put(module.name(), List.copyOf(module.paths())));
        return table;
    }

    /** Whether {@code path} (a route, or a request's path) is {@code prefix} or below it. */
    public static boolean isUnder(String path, String prefix) {
        return prefix.equals("/") ? path.equals("/")
                : path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /**
     * The HTTP routes (not filters) registered so far, as method and path. Javalin 7 adds a route to
     * its router as it is declared ({@code RoutesConfig.addEndpoint}); the router is reached through the
     * configuration's state, which Javalin keeps internal (Kotlin's {@code cfg}): the one place that
     * reads it.
     */
    static Set<String> routes(RoutesConfig routes) {
        return routes.getCfg$javalin().internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> endpoint.method + " " + endpoint.path)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Mounts a service's routes; fails when one is outside its paths. @return the routes it added */
    static Set<String> mount(RoutesConfig app, ServiceModule module, ModuleContext context) {
        Set<String> before = routes(app);
        module.mount(app, context);
        Set<String> added = routes(app);
        added.removeAll(before);
        check("service " + module.name(), added, module.paths());
        return added;
    }

    /** Fails when a route that no service mounted is outside what every instance serves. */
    static void checkShared(RoutesConfig app, Set<String> serviceRoutes) {
        Set<String> shared = routes(app);
        shared.removeAll(serviceRoutes);
        check("every instance", shared, Stream.concat(ANY_INSTANCE.stream(), ONE_INSTANCE.stream())
                .toList());
    }

    /**
     * Fails when a route is outside the table: {@code added} are the routes {@code owner} mounted
     * (a service, checked against its paths), or with no owner the routes every instance has.
     */
    static void check(String owner, Set<String> added, List<String> prefixes) {
        List<String> outside = added.stream()
                .filter(route -> prefixes.stream().noneMatch(prefix -> isUnder(route.substring(route.indexOf(' ') + 1),
                        prefix)))
                .toList();
        if (!outside.isEmpty()) {
            throw new IllegalStateException(owner + " registers " + outside + " outside its paths " + prefixes
                    + ": a proxy routing by RouteTable would not send them here; add them to its paths()");
        }
    }
}
