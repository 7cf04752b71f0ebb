package io.eventline.app.cli;

import io.eventline.app.verify.LogVerifier;
import io.eventline.app.verify.RestSnapshots;
import io.eventline.app.verify.Snapshots;
import io.eventline.app.verify.Verdict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.errors.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./eventline verify}: reads the log itself and checks what exactly-once promises; exit 0 when
 * every check holds, 1 naming the first violations.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Reads every event, state and command topic of an Eventline cluster from offset 0 "
                + "(read_committed, then read_uncommitted to count aborted records) up to the end offsets at its "
                + "start, and checks the log: unique event ids; each aggregate's versions 1..n (and n equal to its "
                + "snapshot's, with --url and --quiescent); one order.placed and at most one outcome per order; no "
                + "effect twice; every causation names an event or command in the log; no record of an aborted "
                + "transaction visible; every event valid against the JSON Schema of its type and version "
                + "(docs/schemas). Exit 0 when all hold, 1 naming the first violations. Every option also "
                + "reads EVENTLINE_<OPTION>.")
final class VerifyCommand implements Callable<Integer> {
    @Option(names = "--bootstrap-servers", defaultValue = "${env:EVENTLINE_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
            description = "the Kafka cluster, host:port[,host:port…] (default ${DEFAULT-VALUE}: the embedded broker)")
    String bootstrapServers;

    @Option(names = "--kafka-config", defaultValue = "${env:EVENTLINE_KAFKA_CONFIG}",
            description = "a properties file of Kafka client settings (TLS, SASL), passed through")
    Path kafkaConfig;

    @Option(names = "--url", defaultValue = "${env:EVENTLINE_URL}",
            description = "a running Eventline whose snapshots' versions to compare with the log (needs --quiescent)")
    String url;

    @Mixin
    ApiTokenOptions apiToken;

    @Option(names = "--quiescent", defaultValue = "${env:EVENTLINE_QUIESCENT:-false}",
            description = "nothing is in flight: an order not ended (or not notified) is then a violation, and "
                    + "snapshots are compared")
    boolean quiescent;

    @Option(names = "--show", defaultValue = "${env:EVENTLINE_SHOW:-20}",
            description = "violations to name, at most (default ${DEFAULT-VALUE})")
    int show;

    @Option(names = "--timeout", defaultValue = "${env:EVENTLINE_TIMEOUT:-300}",
            description = "seconds the reading may take (default ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (show < 0 || timeoutSeconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), show < 0 ? "--show: 0 or more"
                    : "--timeout: at least 1 second");
        }
        Map<String, Object> settings;
        try {
            settings = new HashMap<>(KafkaConfigFile.load(kafkaConfig));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        Optional<Snapshots> snapshots = Optional.ofNullable(url).filter(u -> !u.isBlank())
                .map(u -> new RestSnapshots(u, apiToken.token()));
        long started = System.nanoTime();
        Verdict verdict;
        try {
            verdict = LogVerifier.verify(settings, snapshots, quiescent, Duration.ofSeconds(timeoutSeconds));
        } catch (TimeoutException e) {
            throw new IllegalStateException("no Kafka cluster answered at " + bootstrapServers + " within "
                    + timeoutSeconds + " s (start one, or pass --bootstrap-servers)", e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Eventline log at %s, verified in %.1f s%n", bootstrapServers, (System.nanoTime() - started) / 1e9);
        out.print(verdict.summary(show));
        out.flush();
        if (!verdict.clean()) {
            spec.commandLine().getErr().printf("eventline: %,d violations in the log, first at %s%n",
                    verdict.violations().size(), verdict.violations().getFirst().at());
            return 1;
        }
        return 0;
    }
}
