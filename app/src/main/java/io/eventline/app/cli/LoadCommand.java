package io.eventline.app.cli;

import io.eventline.app.load.LoadClient;
import io.eventline.app.load.LoadGenerator;
import io.eventline.app.load.LoadProgress;
import io.eventline.app.load.LoadReport;
import io.eventline.app.load.LoadSettings;
import io.eventline.core.envelope.Json;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./eventline load}: sets up customers, funds and stock on a running Eventline, places orders
 * at a fixed rate, waits for every outcome, and reports. Progress goes to stderr ({@link Progress}: a bar
 * on a terminal, a line every few seconds elsewhere), the summary to stdout ({@code --json} for scripts).
 */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Places orders at a fixed rate against a running Eventline (open model: latency counts from "
                + "when each order was due), waits for their outcomes, and prints orders/s, latency and outcomes.")
final class LoadCommand implements Callable<Integer> {
    private static final Duration TICK = Duration.ofMillis(500);

    @Mixin
    RunningEventline server;

    @Option(names = "--orders", defaultValue = "1000", description = "orders to place, 1 to 1,000,000 (default ${DEFAULT-VALUE})")
    int orders;

    @Option(names = "--rate", defaultValue = "100", description = "orders per second, 1 to 10,000 (default ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--customers", defaultValue = "20", description = "customers placing them (default ${DEFAULT-VALUE})")
    int customers;

    @Option(names = "--skus", defaultValue = "10", description = "skus they buy (default ${DEFAULT-VALUE})")
    int skus;

    @Option(names = "--failures", defaultValue = "0", description = "percent of orders built to be cancelled: short funds or stock, no address (default ${DEFAULT-VALUE})")
    int failures;

    @Option(names = "--seed", description = "the same mix of orders on every run with the same seed")
    Long seed;

    @Option(names = "--json", description = "print the summary as JSON")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        LoadSettings settings = settings();
        try (LoadGenerator load = LoadGenerator.start(new LoadClient(server.url, server.apiToken()), settings)) {
            LoadProgress progress = load.progress();
            Progress shown = Progress.on(spec.commandLine().getErr());
            while (progress.running()) {
                progress = load.await(TICK);
                shown.show(LoadReport.progressLine(progress));
            }
            shown.end(LoadReport.progressLine(progress));
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? Json.writeString(LoadReport.json(progress, settings, server.url)) + "\n"
                    : LoadReport.table(progress, settings, server.url));
            out.flush();
            return switch (progress.phase()) {
                case FINISHED -> progress.failed() == 0 ? 0 : 1;
                case IDLE, SETTING_UP, PLACING, FAILED, STOPPED -> 1;
            };
        }
    }

    private LoadSettings settings() {
        try {
            return new LoadSettings(orders, rate, customers, skus, failures, seed == null ? System.nanoTime() : seed);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--" + e.getMessage(), e);
        }
    }
}
