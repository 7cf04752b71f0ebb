package io.eventline.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./eventline projections rebuild NAME}: starts the next version of a read model and follows it
 * until it serves queries; progress on stderr, the outcome on stdout. Past {@code --timeout} it stops
 * following (the rebuild goes on in Eventline) and exits 1 saying how far it got.
 */
@Command(name = "rebuild", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Builds the next version of a read model from offset 0 beside the live one, shows its "
                + "progress (on stderr), and exits 0 once queries are served by the new version; 1 when it has not "
                + "caught up within --timeout (the rebuild goes on in Eventline).")
final class RebuildCommand implements Callable<Integer> {
    private static final Duration POLL = Duration.ofMillis(500);

    @Parameters(index = "0", paramLabel = "NAME", description = "the projection, e.g. orders-view (see projections list)")
    String name;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "${env:EVENTLINE_TIMEOUT:-5m}",
            converter = DurationConverter.class,
            description = "how long to wait for the new version to catch up, e.g. 90s or 10m (default ${DEFAULT-VALUE})")
    Duration timeout;

    @Mixin
    RunningEventline server;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (timeout.isZero()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout: more than 0");
        }
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        Progress progress = Progress.on(spec.commandLine().getErr());
        JsonNode status = send("POST", "/api/projections/" + name + "/rebuild");
        int target = status.path("building").asBoolean() ? status.get("buildingVersion").intValue()
                : status.get("activeVersion").intValue() + 1;
        while (status.path("building").asBoolean() || status.get("activeVersion").intValue() < target) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                progress.end(line(target, status));
                throw new IllegalStateException(String.format("%s v%d has not caught up within %s: %,d of %,d events "
                                + "(%d%%); the rebuild goes on in Eventline, v%d serving queries meanwhile", name, target,
                        DurationConverter.format(timeout), status.path("consumed").asLong(),
                        status.path("total").asLong(), status.path("percent").asInt(),
                        status.get("activeVersion").intValue()));
            }
            progress.show(line(target, status));
            Thread.sleep(Math.min(POLL.toMillis(), Math.max(1, left / 1_000_000))); // polls the API: not a test's wait
            status = send("GET", "/api/projections/" + name);
        }
        progress.end(String.format("%s v%d  %s 100%%  caught up", name, target, bar(100)));
        spec.commandLine().getOut().printf("%s v%d now serving queries (rebuilt in %.1f s)%n", name, target,
                (System.nanoTime() - started) / 1e9);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private String line(int target, JsonNode status) {
        int percent = status.path("percent").asInt();
        return String.format("%s v%d  %s %3d%%  %,d / %,d events", name, target, bar(percent), percent,
                status.path("consumed").asLong(), status.path("total").asLong());
    }

    private static String bar(int percent) {
        int filled = Math.max(0, Math.min(30, percent * 30 / 100));
        return "[" + "#".repeat(filled) + " ".repeat(30 - filled) + "]";
    }

    private JsonNode send(String method, String path) throws IOException, InterruptedException {
        return server.send(method, path).body();
    }
}
