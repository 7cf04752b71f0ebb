package io.eventline.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ./eventline projections rebuild NAME}: rebuilds a read model beside the live one, with progress. */
@Command(name = "projections", mixinStandardHelpOptions = true, description = "Read models of a running Eventline.",
        subcommands = ProjectionsCommand.Rebuild.class)
final class ProjectionsCommand {

    @Command(name = "rebuild", mixinStandardHelpOptions = true,
            description = "Builds the next version of a read model from offset 0 beside the live one, shows its "
                    + "progress, and exits 0 once queries are served by the new version.")
    static final class Rebuild implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "the projection, e.g. orders-view")
        String name;

        @Mixin
        RunningEventline server;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            long started = System.nanoTime();
            JsonNode status = send("POST", "/api/projections/" + name + "/rebuild");
            int target = status.path("building").asBoolean() ? status.get("buildingVersion").intValue()
                    : status.get("activeVersion").intValue() + 1;
            while (status.path("building").asBoolean() || status.get("activeVersion").intValue() < target) {
                out.printf("\r%s v%d  %s %3d%%  %,d / %,d events", name, target, bar(status.path("percent").asInt()),
                        status.path("percent").asInt(), status.path("consumed").asLong(), status.path("total").asLong());
                out.flush();
                Thread.sleep(500);
                status = send("GET", "/api/projections/" + name);
            }
            out.printf("\r%s v%d  %s 100%%  now serving queries (rebuilt in %.1f s)%n", name, target, bar(100),
                    (System.nanoTime() - started) / 1e9);
            return 0;
        }

        private static String bar(int percent) {
            int filled = Math.max(0, Math.min(30, percent * 30 / 100));
            return "[" + "#".repeat(filled) + " ".repeat(30 - filled) + "]";
        }

        private JsonNode send(String method, String path) throws IOException, InterruptedException {
            return server.send(method, path).body();
        }
    }
}
