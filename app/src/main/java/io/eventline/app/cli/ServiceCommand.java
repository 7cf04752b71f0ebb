package io.eventline.app.cli;

import io.eventline.app.EventlineConfig;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./eventline service NAME… --bootstrap-servers H:P}: some services as their own process,
 * against an existing cluster. Processes running the same service share its partitions through its
 * consumer group, and answer any key's query by routing it to the instance that holds the key.
 */
@Command(name = "service", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the named services (and their REST routes) as one process against an existing Kafka "
                + "cluster. Start several processes of a service to share its work. Every option also reads "
                + "EVENTLINE_<OPTION>.")
final class ServiceCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "NAME", description = "services to run: ${COMPLETION-CANDIDATES}",
            completionCandidates = KnownServices.class)
    List<String> services;

    @Option(names = "--bootstrap-servers", required = true, defaultValue = "${env:EVENTLINE_BOOTSTRAP_SERVERS}", description = "the Kafka cluster, host:port[,host:port…]")
    String bootstrapServers;

    @Mixin
    PlatformOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        EventlineConfig config;
        try {
            config = options.config(Optional.of(bootstrapServers), 0, services);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        return PlatformLauncher.runUntilStopped(config, spec.commandLine());
    }

    static final class KnownServices implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return EventlineConfig.KNOWN_SERVICES.iterator();
        }
    }
}
