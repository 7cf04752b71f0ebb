package io.eventline.app.cli;

import io.eventline.app.EventlineConfig;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./eventline run}: everything in one process, until Ctrl-C. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Starts the embedded broker (unless --bootstrap-servers names a cluster), the services and "
                + "the REST API on one port. Every option also reads EVENTLINE_<OPTION>.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    PlatformOptions options;

    @Option(names = "--bootstrap-servers", defaultValue = "${env:EVENTLINE_BOOTSTRAP_SERVERS}", description = "a Kafka cluster to use instead of the embedded broker")
    String bootstrapServers;

    @Option(names = "--broker-port", defaultValue = "${env:EVENTLINE_BROKER_PORT:-9092}", description = "the embedded broker's port (default ${DEFAULT-VALUE})")
    int brokerPort;

    @Option(names = "--services", split = ",", defaultValue = "${env:EVENTLINE_SERVICES:-all}", description = "all, or a comma-separated list (default ${DEFAULT-VALUE})")
    List<String> services;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return PlatformLauncher.runUntilStopped(config(), spec.commandLine());
    }

    private EventlineConfig config() {
        try {
            List<String> chosen = services.equals(List.of("all")) ? EventlineConfig.KNOWN_SERVICES : services;
            return options.config(Optional.ofNullable(bootstrapServers), brokerPort, chosen);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }
}
