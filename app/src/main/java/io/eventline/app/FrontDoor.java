package io.eventline.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An HAProxy configuration for one URL in front of instances that each run some services: each
 * service's paths ({@link RouteTable}) go round-robin to the instances running it, the rest to any
 * instance, the console's load to one. HAProxy rather than nginx: open-source nginx only learns that
 * an instance is down when requests to it fail, HAProxy asks each {@code /health/ready} every second
 * and takes an unready instance out until it is ready again (while none is ready, all are asked). A
 * request whose instance refused the connection or closed it unanswered (killed) is sent again to
 * another one.
 *
 * @param listen the proxy's own {@code host:port}
 * @param instances the instances behind it
 */
public record FrontDoor(String listen, List<Instance> instances) {
    /**
     * @param address {@code host:port} of its HTTP API
     * @param services what it runs (names of {@link RouteTable#byService()})
     */
    public record Instance(String address, List<String> services) {
        public Instance {
            Objects.requireNonNull(address, "address");
            services = List.copyOf(services);
            if (!address.matches("[A-Za-z0-9.-]+:[0-9]{1,5}")) {
                throw new IllegalArgumentException("an instance's address is host:port, was '" + address + "'");
            }
            for (String service : services) {
                if (!RouteTable.byService().containsKey(service)) {
                    throw new IllegalArgumentException("no service '" + service + "' (services: "
                            + String.join(", ", RouteTable.byService().keySet()) + ")");
                }
            }
        }

        String name() {
            return String.join("_", services) + "-" + address; // HAProxy allows letters, digits and -_.: in names
        }
    }

    public FrontDoor {
        instances = List.copyOf(instances);
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("no instances to route to");
        }
    }

    /** The configuration, for {@code haproxy -f}. */
    public String haproxyConfig() {
        Map<String, List<Instance>> served = new LinkedHashMap<>();
        RouteTable.byService().keySet().forEach(service -> instances.stream()
                .filter(instance -> instance.services().contains(service))
                .forEach(instance -> served.computeIfAbsent(service, s -> new ArrayList<>()).add(instance)));
        StringBuilder config = new StringBuilder(HEAD.formatted(listen));
        served.keySet().forEach(service -> RouteTable.byService().get(service).forEach(prefix ->
                config.append(acl(service, prefix))));
        RouteTable.ONE_INSTANCE.forEach(prefix -> config.append(acl("one-instance", prefix)));
        served.keySet().forEach(service -> config.append("    use_backend ").append(service).append(" if ")
                .append(service).append('\n'));
        config.append("    use_backend one-instance if one-instance\n    default_backend any-instance\n");
        // Each instance is checked once, in the backend of its first service: the others track that state.
        Map<Instance, String> checkedIn = new LinkedHashMap<>();
        served.forEach((service, servers) -> servers.forEach(server -> checkedIn.putIfAbsent(server, service)));
        served.forEach((service, servers) -> config.append(backend(service, "roundrobin", servers, checkedIn)));
        config.append(backend("any-instance", "roundrobin", instances, checkedIn));
        // "first": the instance that started a load is the one that can tell how it goes, while it is up.
        config.append(backend("one-instance", "first", instances, checkedIn));
        return config.toString();
    }

    private static String acl(String name, String prefix) {
        return "    acl %s path %s\n    acl %s path_beg %s/\n".formatted(name, prefix, name, prefix);
    }

    /** @param checkedIn the backend where each server's own check runs */
    private static String backend(String name, String balance, List<Instance> servers, Map<Instance, String> checkedIn) {
        StringBuilder backend = new StringBuilder("\nbackend ").append(name).append("\n    balance ").append(balance)
                .append("\n    option httpchk GET /health/ready\n    http-check expect status 200\n    option allbackups\n");
        servers.forEach(server -> backend.append("    server ").append(server.name()).append(' ')
                .append(server.address()).append(checkedIn.get(server).equals(name) ? ""
                        : " no-check track " + checkedIn.get(server) + "/" + server.name()).append('\n'));
        // When none is ready (a rebalance makes every instance of a service unready at once), each
        // instance answers for itself (a 503 problem it documents, or the answer) rather than the
        // proxy a bare 503; an instance that is down refuses, and the request goes to the next.
        servers.forEach(server -> backend.append("    server ").append(server.name()).append("-unready ")
                .append(server.address()).append(" backup no-check\n"));
        return backend.toString();
    }

    private static final String HEAD = """
            # One URL for every instance, written by `eventline front-door` from the instances running now:
            # rewritten, and HAProxy reloaded (-sf), whenever instances come or go.
            global
                maxconn 4096
                # A reload lets the old process finish its requests; a live stream would keep it forever.
                hard-stop-after 30s

            defaults
                mode http
                timeout connect 2s
                # A command waits up to 10 s for its reply; the live stream sends a frame every second.
                timeout client 60s
                timeout server 60s
                timeout queue 10s
                # A connection refused, or closed with no answer (a killed instance), is tried again on
                # another instance; one answered is never repeated.
                retries 3
                option redispatch 1
                retry-on conn-failure empty-response
                # Each instance's /health/ready every second: out after 2 failures, back after 2 successes.
                default-server check inter 1s fall 2 rise 2

            frontend eventline
                bind %s
            """;
}
