package io.eventline.app;

import io.eventline.app.broker.HangingTransactionPolicy;
import io.eventline.catalog.PostgresAddress;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one configuration of a running Eventline, built from the CLI (which falls back to
 * {@code EVENTLINE_*} variables, then defaults) and validated here, so a bad setting fails at start-up
 * saying what to set. Nothing else reads the environment.
 */
public record EventlineConfig(Http http, Kafka kafka, Path dataDir, Saga saga, List<String> services, Mail mail,
                              Catalog catalog, Telemetry telemetry) {
    /** The services this build has; the order platform adds the rest. */
    public static final List<String> KNOWN_SERVICES = Modules.names();
    /**
     * Every service but the catalog, which brings a PostgreSQL and a Kafka Connect worker along: what
     * the order platform's own tests and benchmarks run.
     */
    public static final List<String> ORDER_SERVICES = KNOWN_SERVICES.stream()
            .filter(service -> !service.equals(CatalogModule.NAME)).toList();

    public enum Saga { CHOREOGRAPHY, ORCHESTRATION }

    public EventlineConfig {
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(saga, "saga");
        Objects.requireNonNull(mail, "mail");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(telemetry, "telemetry");
        services = List.copyOf(services);
        for (String service : services) {
            if (!KNOWN_SERVICES.contains(service)) {
                throw new IllegalArgumentException("--services: unknown service '" + service + "' (known: all, "
                        + String.join(", ", KNOWN_SERVICES) + ")");
            }
        }
    }

    /** With trace headers on every record and no spans exported, the default. */
    public EventlineConfig(Http http, Kafka kafka, Path dataDir, Saga saga, List<String> services, Mail mail,
                           Catalog catalog) {
        this(http, kafka, dataDir, saga, services, mail, catalog, Telemetry.HEADERS_ONLY);
    }

    /** With the catalog's PostgreSQL and Kafka Connect embedded, the default. */
    public EventlineConfig(Http http, Kafka kafka, Path dataDir, Saga saga, List<String> services, Mail mail) {
        this(http, kafka, dataDir, saga, services, mail, Catalog.EMBEDDED);
    }

    /** With mail written to files under the data dir, the default. */
    public EventlineConfig(Http http, Kafka kafka, Path dataDir, Saga saga, List<String> services) {
        this(http, kafka, dataDir, saga, services, Mail.FILES);
    }

    /**
     * Where the REST API and console listen, who may use them, the host other instances reach this one
     * at (to forward reads of keys this instance holds), and the host names it answers to beyond its
     * loopback names, {@code --bind} and {@code --advertised-host} (a name a proxy or DNS gives it).
     */
    public record Http(String bind, int port, Optional<String> apiToken, Optional<String> advertisedHost,
                       List<String> allowedHosts, int maxStreams, Optional<URI> publicUrl) {
        /** Concurrent {@code /api/stream} clients by default: a few consoles, each a Kafka consumer. */
        public static final int DEFAULT_MAX_STREAMS = 32;
        private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\]");

        public Http {
            Objects.requireNonNull(bind, "bind");
            allowedHosts = List.copyOf(allowedHosts);
            if (maxStreams < 1 || maxStreams > 10_000) {
                throw new IllegalArgumentException("--max-streams: 1 to 10000, was " + maxStreams);
            }
            for (String host : allowedHosts) {
                if (!HOST.matcher(host).matches()) {
                    throw new IllegalArgumentException("--allowed-hosts: host names or addresses without a port, "
                            + "comma-separated (an IPv6 address in brackets), was '" + host + "'");
                }
            }
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("--port: 0 to 65535, was " + port);
            }
            if (advertisedHost.filter(host -> host.isBlank() || !host.matches("[A-Za-z0-9.-]+")).isPresent()) {
                throw new IllegalArgumentException("--advertised-host: a host name or IPv4 address, was '"
                        + advertisedHost.get() + "'");
            }
            if (publicUrl.filter(url -> !url.isAbsolute() || url.getHost() == null
                    || !url.getScheme().matches("https?")).isPresent()) {
                throw new IllegalArgumentException("--public-url: an http or https URL, was '" + publicUrl.get() + "'");
            }
            if (!isLoopback(bind) && apiToken.isEmpty()) {
                throw new IllegalArgumentException("--bind " + bind + " listens beyond this machine: set --api-token "
                        + "(or EVENTLINE_API_TOKEN) so that only holders of the token may act");
            }
        }

        /** Without a public URL: the console's loads go to this instance. */
        public Http(String bind, int port, Optional<String> apiToken, Optional<String> advertisedHost,
                    List<String> allowedHosts, int maxStreams) {
            this(bind, port, apiToken, advertisedHost, allowedHosts, maxStreams, Optional.empty());
        }

        public Http(String bind, int port, Optional<String> apiToken, Optional<String> advertisedHost) {
            this(bind, port, apiToken, advertisedHost, List.of(), DEFAULT_MAX_STREAMS);
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
    public record Kafka(Optional<String> bootstrapServers, int brokerPort, Map<String, String> clientSettings,
                        HangingTransactionPolicy hangingTransactions) {
        public Kafka {
            clientSettings = Map.copyOf(clientSettings);
            Objects.requireNonNull(hangingTransactions, "hangingTransactions");
            if (brokerPort < 0 || brokerPort > 65_535) {
                throw new IllegalArgumentException("--broker-port: 0 to 65535, was " + brokerPort);
            }
        }

        /** Hanging transactions closed, the default. */
        public Kafka(Optional<String> bootstrapServers, int brokerPort, Map<String, String> clientSettings) {
            this(bootstrapServers, brokerPort, clientSettings, HangingTransactionPolicy.CLOSE);
        }

        public boolean embedded() {
            return bootstrapServers.isEmpty();
        }
    }

    /**
     * Where notifications' mail goes: POSTed to {@code webhook}, answered within {@code timeout}; with
     * no webhook, written as files under {@code <data-dir>/mail}.
     */
    public record Mail(Optional<URI> webhook, Duration timeout) {
        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
        public static final Mail FILES = new Mail(Optional.empty(), DEFAULT_TIMEOUT);
        private static final Pattern DURATION = Pattern.compile("([0-9]{1,6})(ms|s)");

        public Mail {
            Objects.requireNonNull(webhook, "webhook");
            Objects.requireNonNull(timeout, "timeout");
            webhook.ifPresent(Mail::check);
            if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("--mail-timeout: more than 0 and at most 60s, was " + timeout);
            }
        }

        /** From the command line: a URL or nothing (blank), and a duration such as {@code 500ms} or {@code 5s}. */
        public static Mail of(String webhook, String timeout) {
            Optional<URI> url = Optional.ofNullable(webhook).filter(text -> !text.isBlank()).map(text -> {
                try {
                    return new URI(text.strip());
                } catch (URISyntaxException e) {
                    throw new IllegalArgumentException("--mail-webhook: not a URL: " + e.getMessage(), e);
                }
            });
            Matcher duration = DURATION.matcher(timeout == null ? "" : timeout.strip());
            if (!duration.matches()) {
                throw new IllegalArgumentException("--mail-timeout: a duration such as 500ms or 5s, was '"
                        + timeout + "'");
            }
            long amount = Long.parseLong(duration.group(1));
            return new Mail(url, duration.group(2).equals("ms") ? Duration.ofMillis(amount)
                    : Duration.ofSeconds(amount));
        }

        private static void check(URI url) {
            if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
                throw new IllegalArgumentException("--mail-webhook: an http:// or https:// URL with a host, was "
                        + url);
            }
        }

        /** As printed: user info and query masked, since mail providers put keys there. */
        String describe() {
            return webhook.map(url -> url.getScheme() + "://" + (url.getUserInfo() == null ? "" : "****@")
                            + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                            + (url.getRawPath() == null ? "" : url.getRawPath())
                            + (url.getRawQuery() == null ? "" : "?****") + " timeout=" + timeout.toMillis() + "ms")
                    .orElse("files under <data-dir>/mail");
        }
    }

    /**
     * Where the catalog service's PostgreSQL and Kafka Connect are: an existing server
     * ({@code --postgres-url}, with {@code wal_level=logical}) and Connect cluster ({@code --connect-url},
     * on the same Kafka cluster), or, when not given, embedded ones started with the catalog service.
     */
    public record Catalog(Optional<PostgresAddress> postgres, Optional<URI> connect) {
        public static final Catalog EMBEDDED = new Catalog(Optional.empty(), Optional.empty());

        public Catalog {
            Objects.requireNonNull(postgres, "postgres");
            Objects.requireNonNull(connect, "connect");
        }

        /** From the command line: URLs, or nothing (null or blank) for the embedded ones. */
        public static Catalog of(String postgresUrl, String connectUrl) {
            Optional<PostgresAddress> postgres;
            try {
                postgres = Optional.ofNullable(postgresUrl).filter(url -> !url.isBlank()).map(PostgresAddress::parse);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--postgres-url: " + e.getMessage(), e);
            }
            Optional<URI> connect = Optional.ofNullable(connectUrl).filter(url -> !url.isBlank()).map(url -> {
                try {
                    URI uri = new URI(url.strip());
                    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                        throw new IllegalArgumentException("--connect-url: an http:// or https:// URL with a host, was "
                                + url);
                    }
                    return uri;
                } catch (URISyntaxException e) {
                    throw new IllegalArgumentException("--connect-url: not a URL: " + e.getMessage(), e);
                }
            });
            return new Catalog(postgres, connect);
        }

        /** As printed: the PostgreSQL URL without its password. */
        String describe() {
            return "postgres=" + postgres.map(PostgresAddress::url).orElse("embedded")
                    + " connect=" + connect.map(URI::toString).orElse("embedded");
        }
    }

    /**
     * Where spans go: an OpenTelemetry collector's OTLP/HTTP endpoint ({@code --otlp-endpoint}, or the
     * standard {@code OTEL_EXPORTER_OTLP_ENDPOINT}), its base URL, to which {@code /v1/traces} is added;
     * none, and records carry their trace headers but no span is made. {@code sampleRatio}: the share of
     * the traces Eventline starts whose spans are exported (0 to 1; a caller's {@code traceparent}
     * decides for its own trace, by its sampled flag).
     */
    public record Telemetry(Optional<URI> otlpEndpoint, boolean traceHeaders, double sampleRatio) {
        public static final Telemetry HEADERS_ONLY = new Telemetry(Optional.empty());
        /**
         * No trace headers either: not a mode to run in (an order's trace is lost), what the bench
         * measures the headers' cost against. No option sets it.
         */
        public static final Telemetry OFF = new Telemetry(Optional.empty(), false, 1);

        /** Trace headers on every record, and every trace's spans to {@code otlpEndpoint} when there is one. */
        public Telemetry(Optional<URI> otlpEndpoint) {
            this(otlpEndpoint, true, 1);
        }

        public Telemetry {
            if (!(sampleRatio >= 0 && sampleRatio <= 1)) {
                throw new IllegalArgumentException("--trace-sample-ratio: 0 to 1, the share of traces whose spans "
                        + "are exported, was " + sampleRatio);
            }
            if (otlpEndpoint.isPresent() && !traceHeaders) {
                throw new IllegalArgumentException("spans need the trace headers that chain them");
            }
            if (otlpEndpoint.filter(url -> !url.isAbsolute() || url.getHost() == null
                    || !url.getScheme().matches("https?")).isPresent()) {
                throw new IllegalArgumentException("--otlp-endpoint: an http or https URL (an OpenTelemetry "
                        + "collector's OTLP/HTTP port, e.g. http://localhost:4318), was '" + otlpEndpoint.get() + "'");
            }
        }

        /** The URL spans are posted to: the endpoint's {@code /v1/traces}. */
        public Optional<URI> tracesUrl() {
            return otlpEndpoint.map(url -> URI.create(url.toString().replaceAll("/+$", "") + "/v1/traces"));
        }

        String describe() {
            return otlpEndpoint.map(url -> "otlp=" + url + (sampleRatio < 1 ? " trace-sample-ratio=" + sampleRatio : ""))
                    .orElse("otlp=off") + (traceHeaders ? "" : " trace-headers=off");
        }
    }

    /** The settings as printed at start: secrets masked. */
    public String describe() {
        Map<String, String> shown = new TreeMap<>();
        kafka.clientSettings().forEach((key, value) -> shown.put(key, isSecret(key) ? "****" : value));
        return "bind=" + http.bind() + " port=" + http.port()
                + " api-token=" + (http.apiToken().isPresent() ? "****" : "none")
                + http.advertisedHost().map(host -> " advertised-host=" + host).orElse("")
                + (http.allowedHosts().isEmpty() ? "" : " allowed-hosts=" + String.join(",", http.allowedHosts()))
                + " max-streams=" + http.maxStreams()
                + http.publicUrl().map(url -> " public-url=" + url).orElse("")
                + " kafka=" + kafka.bootstrapServers().orElse("embedded on port " + kafka.brokerPort()
                        + ", hanging transactions " + kafka.hangingTransactions().name().toLowerCase())
                + (shown.isEmpty() ? "" : " kafka-config=" + shown)
                + " data-dir=" + dataDir + " saga=" + saga.name().toLowerCase() + " services=" + services
                + " mail=" + mail.describe() + (services.contains(CatalogModule.NAME) ? " " + catalog.describe() : "")
                + " " + telemetry.describe();
    }

    private static boolean isSecret(String key) {
        String k = key.toLowerCase();
        return k.contains("password") || k.contains("secret") || k.contains("jaas") || k.contains("token");
    }
}
