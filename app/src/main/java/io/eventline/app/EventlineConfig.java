package io.eventline.app;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one configuration of a running Eventline, built from the CLI (which falls back to
 * {@code EVENTLINE_*} variables, then defaults) and validated here, so a bad setting fails at start-up
 * saying what to set. Nothing else reads the environment.
 */
public record EventlineConfig(Http http, Kafka kafka, Path dataDir, Saga saga, List<String> services) {
    /** The services this build has; the order platform adds the rest. */
    public static final List<String> KNOWN_SERVICES = Modules.names();

    public enum Saga { CHOREOGRAPHY, ORCHESTRATION }

    public EventlineConfig {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(saga, "saga");
        services = List.copyOf(services);
        for (String service : services) {
            if (!KNOWN_SERVICES.contains(service)) {
                throw new IllegalArgumentException("--services: unknown service '" + service + "' (known: all, "
                        + String.join(", ", KNOWN_SERVICES) + ")");
            }
        }
    }

    /**
     * Where the REST API and console listen, who may use them, and the host other instances reach
     * this one at (to forward reads of keys this instance holds).
     */
    public record Http(String bind, int port, Optional<String> apiToken, Optional<String> advertisedHost) {
        public Http {
            Objects.requireNonNull(bind, "bind");
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("--port: 0 to 65535, was " + port);
            }
            if (advertisedHost.filter(host -> host.isBlank() || !host.matches("[A-Za-z0-9.-]+")).isPresent()) {
                throw new IllegalArgumentException("--advertised-host: a host name or IPv4 address, was '"
                        + advertisedHost.get() + "'");
            }
            if (!isLoopback(bind) && apiToken.isEmpty()) {
                throw new IllegalArgumentException("--bind " + bind + " listens beyond this machine: set --api-token "
                        + "(or EVENTLINE_API_TOKEN) so that only holders of the token may act");
            }
        }

        public Http(String bind, int port, Optional<String> apiToken) {
            this(bind, port, apiToken, Optional.empty());
        }

        /**
         * The host other instances forward reads to: {@code --advertised-host}, else the bind address;
         * a wildcard bind names no host, so 127.0.0.1 then (instances on one machine).
         */
        public String reachableHost() {
            return advertisedHost.orElse(isWildcard(bind) ? "127.0.0.1" : bind);
        }

        private static boolean isWildcard(String host) {
            try {
                return InetAddress.getByName(host).isAnyLocalAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("--bind: unknown host " + host, e);
            }
        }

        private static boolean isLoopback(String host) {
            try {
                return InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("--bind: unknown host " + host, e);
            }
        }
    }

    /**
     * The Kafka cluster: the one named by {@code bootstrapServers}, or an embedded broker on
     * {@code brokerPort} when none is named. {@code clientSettings} (from {@code --kafka-config}) pass
     * through to every client unchanged: TLS, SASL.
     */
    public record Kafka(Optional<String> bootstrapServers, int brokerPort, Map<String, String> clientSettings) {
        public Kafka {
            clientSettings = Map.copyOf(clientSettings);
            if (brokerPort < 0 || brokerPort > 65_535) {
                throw new IllegalArgumentException("--broker-port: 0 to 65535, was " + brokerPort);
            }
        }

        public boolean embedded() {
            return bootstrapServers.isEmpty();
        }
    }

    /** The settings as printed at start: secrets masked. */
    public String describe() {
        Map<String, String> shown = new TreeMap<>();
        kafka.clientSettings().forEach((key, value) -> shown.put(key, isSecret(key) ? "****" : value));
        return "bind=" + http.bind() + " port=" + http.port()
                + " api-token=" + (http.apiToken().isPresent() ? "****" : "none")
                + http.advertisedHost().map(host -> " advertised-host=" + host).orElse("")
                + " kafka=" + kafka.bootstrapServers().orElse("embedded on port " + kafka.brokerPort())
                + (shown.isEmpty() ? "" : " kafka-config=" + shown)
                + " data-dir=" + dataDir + " saga=" + saga.name().toLowerCase() + " services=" + services;
    }

    private static boolean isSecret(String key) {
        String k = key.toLowerCase();
        return k.contains("password") || k.contains("secret") || k.contains("jaas") || k.contains("token");
    }
}
