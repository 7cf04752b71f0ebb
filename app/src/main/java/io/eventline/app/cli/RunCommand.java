package io.eventline.app.cli;

import io.eventline.app.Eventline;
import io.eventline.app.EventlineConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./eventline run}: everything in one process, until Ctrl-C. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Starts the embedded broker (unless --bootstrap-servers names a cluster), the services and "
                + "the REST API on one port. Every option also reads EVENTLINE_<OPTION>.")
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

    @Option(names = "--port", defaultValue = "${env:EVENTLINE_PORT:-8080}", description = "HTTP port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", defaultValue = "${env:EVENTLINE_BIND:-127.0.0.1}", description = "HTTP address (default ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--advertised-host", defaultValue = "${env:EVENTLINE_ADVERTISED_HOST}", description = "the host other instances reach this one's HTTP port at (default: --bind, or 127.0.0.1 when it is 0.0.0.0)")
    String advertisedHost;

    @Option(names = "--api-token", defaultValue = "${env:EVENTLINE_API_TOKEN}", description = "bearer token required on every request but /health/*")
    String apiToken;

    @Option(names = "--data-dir", defaultValue = "${env:EVENTLINE_DATA_DIR:-./data}", description = "broker and state data (default ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--bootstrap-servers", defaultValue = "${env:EVENTLINE_BOOTSTRAP_SERVERS}", description = "a Kafka cluster to use instead of the embedded broker")
    String bootstrapServers;

    @Option(names = "--broker-port", defaultValue = "${env:EVENTLINE_BROKER_PORT:-9092}", description = "the embedded broker's port (default ${DEFAULT-VALUE})")
    int brokerPort;

    @Option(names = "--kafka-config", defaultValue = "${env:EVENTLINE_KAFKA_CONFIG}", description = "a properties file of Kafka client settings (TLS, SASL), passed through")
    Path kafkaConfig;

    @Option(names = "--saga", defaultValue = "${env:EVENTLINE_SAGA:-choreography}", description = "choreography or orchestration (default ${DEFAULT-VALUE})")
    String saga;

    @Option(names = "--services", split = ",", defaultValue = "${env:EVENTLINE_SERVICES:-all}", description = "all, or a comma-separated list (default ${DEFAULT-VALUE})")
    List<String> services;

    @Option(names = "--mail-webhook", defaultValue = "${env:EVENTLINE_MAIL_WEBHOOK}", description = "POST each notification's mail to this URL as JSON, with Idempotency-Key: the event id (default: files under <data-dir>/mail)")
    String mailWebhook;

    @Option(names = "--mail-timeout", defaultValue = "${env:EVENTLINE_MAIL_TIMEOUT:-5s}", description = "how long the mail webhook may take to answer, e.g. 500ms or 5s (default ${DEFAULT-VALUE})")
    String mailTimeout;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        EventlineConfig config = config();
        LOG.info("Starting Eventline: {}", config.describe());
        long startedAt = System.nanoTime();
        Eventline eventline = Eventline.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("eventline-shutdown").unstarted(() -> {
            LOG.info("Stopping Eventline");
            eventline.close();
            stopped.countDown();
        }));
        eventline.awaitReady(READY_TIMEOUT);
        String host = "0.0.0.0".equals(config.http().bind()) ? "127.0.0.1" : config.http().bind();
        spec.commandLine().getOut().printf("Eventline is ready in %.1f s%n  API     http://%s:%d/api%n  broker  %s%n"
                        + "  data    %s%nCtrl-C stops it.%n",
                (System.nanoTime() - startedAt) / 1e9, host, eventline.httpPort(), eventline.bootstrapServers(),
                config.dataDir().toAbsolutePath().normalize());
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }

    private EventlineConfig config() {
        try {
            EventlineConfig.Saga sagaStyle = switch (saga) {
                case "choreography" -> EventlineConfig.Saga.CHOREOGRAPHY;
                case "orchestration" -> EventlineConfig.Saga.ORCHESTRATION;
                default -> throw new IllegalArgumentException("--saga: choreography or orchestration, was " + saga);
            };
            List<String> chosen = services.equals(List.of("all")) ? EventlineConfig.KNOWN_SERVICES : services;
            return new EventlineConfig(
                    new EventlineConfig.Http(bind, port, Optional.ofNullable(apiToken).filter(t -> !t.isBlank()),
                            Optional.ofNullable(advertisedHost).filter(h -> !h.isBlank())),
                    new EventlineConfig.Kafka(Optional.ofNullable(bootstrapServers).filter(b -> !b.isBlank()),
                            brokerPort, kafkaSettings()),
                    dataDir, sagaStyle, chosen, EventlineConfig.Mail.of(mailWebhook, mailTimeout));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private Map<String, String> kafkaSettings() {
        if (kafkaConfig == null) {
            return Map.of();
        }
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(kafkaConfig)) {
            props.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("--kafka-config: cannot read " + kafkaConfig + ": " + e.getMessage(), e);
        }
        Map<String, String> settings = new HashMap<>();
        props.stringPropertyNames().forEach(name -> settings.put(name, props.getProperty(name)));
        return settings;
    }
}
