package io.eventline.app.cli;

import io.eventline.app.broker.HangingTransactionPolicy;
import io.eventline.app.EventlineConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options {@code run} and {@code service} share: HTTP, security, state, saga style, mail and the catalog's stores. */
final class PlatformOptions {
    @Option(names = "--port", defaultValue = "${env:EVENTLINE_PORT:-8080}", description = "HTTP port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", defaultValue = "${env:EVENTLINE_BIND:-127.0.0.1}", description = "HTTP address (default ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--advertised-host", defaultValue = "${env:EVENTLINE_ADVERTISED_HOST}", description = "the host other instances reach this one's HTTP port at (default: --bind, or 127.0.0.1 when it is 0.0.0.0)")
    String advertisedHost;

    @Option(names = "--allowed-hosts", split = ",", defaultValue = "${env:EVENTLINE_ALLOWED_HOSTS}", description = "host names the HTTP API answers to besides localhost, 127.0.0.1, [::1], --bind and --advertised-host, comma-separated (a name a proxy or DNS gives this machine); other Host headers get 421")
    List<String> allowedHosts;

    @Option(names = "--max-streams", defaultValue = "${env:EVENTLINE_MAX_STREAMS:-32}", description = "the most /api/stream clients served at once; more are answered 503 with Retry-After (default ${DEFAULT-VALUE})")
    int maxStreams;

    @Mixin
    ApiTokenOptions apiToken;

    @Option(names = "--public-url", defaultValue = "${env:EVENTLINE_PUBLIC_URL}", description = "the URL the whole API answers at when a proxy routes to several instances (scripts/cluster.sh's front door, an Ingress): the console's loads go there (default: this instance)")
    String publicUrl;

    @Option(names = "--data-dir", defaultValue = "${env:EVENTLINE_DATA_DIR:-./data}", description = "broker and state data (default ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--kafka-config", defaultValue = "${env:EVENTLINE_KAFKA_CONFIG}", description = "a properties file of Kafka client settings (TLS, SASL), passed through")
    Path kafkaConfig;

    @Option(names = "--saga", defaultValue = "${env:EVENTLINE_SAGA:-choreography}", description = "choreography or orchestration (default ${DEFAULT-VALUE})")
    String saga;

    @Option(names = "--mail-webhook", defaultValue = "${env:EVENTLINE_MAIL_WEBHOOK}", description = "POST each notification's mail to this URL as JSON, with Idempotency-Key: the event id (default: files under <data-dir>/mail)")
    String mailWebhook;

    @Option(names = "--mail-timeout", defaultValue = "${env:EVENTLINE_MAIL_TIMEOUT:-5s}", description = "how long the mail webhook may take to answer, e.g. 500ms or 5s (default ${DEFAULT-VALUE})")
    String mailTimeout;

    @Option(names = "--hanging-transactions", defaultValue = "${env:EVENTLINE_HANGING_TRANSACTIONS:-close}", description = "the embedded broker's transactions left open for good after a crash: close them with their logged outcome, or only report them at WARN (default ${DEFAULT-VALUE})")
    String hangingTransactions;

    @Option(names = "--postgres-url", defaultValue = "${env:EVENTLINE_POSTGRES_URL}", description = "the catalog's PostgreSQL, postgresql://user[:password]@host[:port]/database, with wal_level=logical (default: an embedded one under the data dir)")
    String postgresUrl;

    @Option(names = "--connect-url", defaultValue = "${env:EVENTLINE_CONNECT_URL}", description = "the REST API of a Kafka Connect cluster on the same Kafka cluster, with Debezium's PostgreSQL connector installed (default: a worker in this process)")
    String connectUrl;

    @Option(names = "--otlp-endpoint", defaultValue = "${env:OTEL_EXPORTER_OTLP_ENDPOINT}", description = "an OpenTelemetry collector's OTLP/HTTP endpoint, e.g. http://localhost:4318: a span per hop of every flow is sent to its /v1/traces (default: none; records carry their W3C trace headers either way)")
    String otlpEndpoint;

    @Option(names = "--trace-sample-ratio", defaultValue = "${env:EVENTLINE_TRACE_SAMPLE_RATIO:-1}", description = "with --otlp-endpoint: the share of the traces Eventline starts whose spans are sent, 0 to 1 (a request's own traceparent decides for its trace by its sampled flag; default ${DEFAULT-VALUE}: all)")
    double traceSampleRatio;

    /**
     * @param bootstrapServers a cluster, or empty for the embedded broker on {@code brokerPort}
     * @throws IllegalArgumentException naming the option at fault
     */
    EventlineConfig config(Optional<String> bootstrapServers, int brokerPort, List<String> services) {
        EventlineConfig.Saga sagaStyle = switch (saga) {
            case "choreography" -> EventlineConfig.Saga.CHOREOGRAPHY;
            case "orchestration" -> EventlineConfig.Saga.ORCHESTRATION;
            default -> throw new IllegalArgumentException("--saga: choreography or orchestration, was " + saga);
        };
        return new EventlineConfig(
                new EventlineConfig.Http(bind, port, apiToken.token(),
                        Optional.ofNullable(advertisedHost).filter(h -> !h.isBlank()),
                        allowedHosts == null ? List.of() : allowedHosts.stream().map(String::strip)
                                .filter(h -> !h.isEmpty()).toList(), maxStreams,
                        Optional.ofNullable(publicUrl).filter(u -> !u.isBlank()).map(u -> url("--public-url", u))),
                new EventlineConfig.Kafka(bootstrapServers.filter(b -> !b.isBlank()), brokerPort, kafkaSettings(),
                        HangingTransactionPolicy.parse(hangingTransactions)),
                dataDir, sagaStyle, services, EventlineConfig.Mail.of(mailWebhook, mailTimeout),
                EventlineConfig.Catalog.of(postgresUrl, connectUrl),
                new EventlineConfig.Telemetry(Optional.ofNullable(otlpEndpoint).filter(u -> !u.isBlank())
                        .map(u -> url("--otlp-endpoint", u)), true, traceSampleRatio));
    }

    private Map<String, String> kafkaSettings() {
        return KafkaConfigFile.load(kafkaConfig);
    }

    private static java.net.URI url(String option, String value) {
        try {
            return new java.net.URI(value.strip());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(option + ": an http or https URL, was '" + value + "'", e);
        }
    }
}
