package io.eventline.app.cli;

import io.eventline.app.FrontDoor;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code eventline front-door}: prints an HAProxy configuration routing one URL to running instances. */
@Command(name = "front-door", mixinStandardHelpOptions = true,
        description = {"Prints an HAProxy configuration that serves the whole API and the console at one address: each "
                + "service's paths round-robin to the instances running it, the rest to any instance, unready "
                + "instances (/health/ready) left out until ready. scripts/cluster.sh runs it."})
final class FrontDoorCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--listen", defaultValue = "127.0.0.1:8080", description = "the proxy's host:port (default ${DEFAULT-VALUE})")
    String listen;

    @Option(names = "--instance", required = true, paramLabel = "HOST:PORT=SERVICE[,SERVICE…]",
            description = "an instance and the services it runs; once per instance")
    List<String> instances;

    @Override
    public Integer call() {
        List<FrontDoor.Instance> parsed = instances.stream().map(FrontDoorCommand::instance).toList();
        spec.commandLine().getOut().print(new FrontDoor(listen, parsed).haproxyConfig());
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static FrontDoor.Instance instance(String option) {
        int equals = option.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("--instance: HOST:PORT=SERVICE[,SERVICE…], was '" + option + "'");
        }
        return new FrontDoor.Instance(option.substring(0, equals),
                Arrays.asList(option.substring(equals + 1).split(",")));
    }
}
