package io.eventline.bench;

import io.eventline.app.cli.BuildVersion;
import io.eventline.core.kafka.KafkaVersion;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./eventline bench [--seconds S] [--json] [--commit-intervals 100,20]}: the benchmark; or
 * {@code ./eventline bench --jmh [JMH options]}: the microbenchmarks of the hot pure code. Exit 0 on
 * success, 2 on bad usage (with the usage), 1 on failure with one line.
 */
@Command(name = "eventline bench", mixinStandardHelpOptions = true, versionProvider = BenchMain.Version.class,
        description = {"Raw Kafka baselines and the platform, measured in the same run on one embedded broker; "
                + "prints the settings, a table of figures, their ratios to the baselines (raw Kafka, and the order "
                + "saga hand-written on raw clients) and issues 9's and 16's targets.",
                "Progress goes to stderr, the table (or JSON) to stdout.",
                "--jmh [JMH options] instead runs the JMH microbenchmarks (envelope codec, decider)."})
public final class BenchMain implements Callable<Integer> {
    @Option(names = "--seconds", defaultValue = "${env:EVENTLINE_BENCH_SECONDS:-20}",
            description = "bounds each measurement phase, in seconds (default ${DEFAULT-VALUE}); phases take "
                    + "a third or a quarter of it")
    int seconds;

    @Option(names = "--commit-intervals", split = ",",
            defaultValue = "${env:EVENTLINE_BENCH_COMMIT_INTERVALS:-100,20}",
            description = "the Kafka Streams commit intervals (ms) the order saga runs at, in both styles "
                    + "(default ${DEFAULT-VALUE})")
    List<Integer> commitIntervals;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "print the results as one JSON object instead of the table")
    boolean json;

    @Option(names = "--minimal-on", paramLabel = "HOST:PORT[,HOST:PORT…]",
            description = "instead, run only the minimal saga (the floor) against this existing cluster, e.g. "
                    + "scripts/cluster.sh's three brokers, at each --paced-rates and the first --commit-intervals")
    String minimalOn;

    @Option(names = "--paced-rates", split = ",", defaultValue = "200",
            description = "with --minimal-on: the paced rates (orders/s) to measure its latency at "
                    + "(default ${DEFAULT-VALUE}: issue 16's three-broker target)")
    List<Double> pacedRates;

    /** {@code --version}: the build's, as {@code ./eventline --version} prints it. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Eventline bench " + BuildVersion.eventline() + ", Apache Kafka "
                    + KafkaVersion.ofClients()};
        }
    }

    public static void main(String[] args) {
        // Before any logger exists: Kafka's and the platform's logs at WARN, so the progress lines show.
        // -Dlogback.configurationFile=… still wins, e.g. to see Kafka's warnings while investigating.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "eventline-bench-logback.xml");
        }
        if (args.length > 0 && args[0].equals("--jmh")) {
            Jmh.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.exit(new CommandLine(new BenchMain())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("eventline bench: " + oneLine(e));
                    return 1;
                }).execute(args));
    }

    @Override
    public Integer call() {
        Plan plan;
        try {
            plan = new Plan(seconds, commitIntervals);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (minimalOn != null) {
            if (pacedRates.stream().anyMatch(rate -> !(rate > 0))) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--paced-rates must be positive, was " + pacedRates);
            }
            ClusterFloor.print(ClusterFloor.run(minimalOn, plan.sagaCommitIntervals().getFirst(), pacedRates, plan,
                    new Progress(System.err)), plan, System.out);
            return 0;
        }
        Results results = new Bench(plan, new Progress(System.err)).run();
        if (json) {
            JsonReport.print(results, System.out);
        } else {
            new Report(System.out).print(results);
        }
        return 0;
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
