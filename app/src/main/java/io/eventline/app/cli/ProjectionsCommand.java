package io.eventline.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.core.envelope.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./eventline projections list|rebuild}: the read models of a running Eventline. */
@Command(name = "projections", mixinStandardHelpOptions = true, description = "Read models of a running Eventline.",
        subcommands = {ProjectionsCommand.ListProjections.class, RebuildCommand.class})
final class ProjectionsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the read models: the version serving queries, and a rebuild under way.")
    static final class ListProjections implements Callable<Integer> {
        @Option(names = "--json", description = "print them as the API answers GET /api/projections, a JSON array")
        boolean json;

        @Mixin
        RunningEventline server;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException, InterruptedException {
            JsonNode projections = server.send("GET", "/api/projections").body();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.writeString(projections));
                return 0;
            }
            String row = "%-28s  %-8s  %s%n";
            out.printf(row, "PROJECTION", "SERVING", "REBUILD");
            for (JsonNode projection : projections) {
                out.printf(row, projection.path("projection").asText(), "v" + projection.path("activeVersion").asInt(),
                        rebuild(projection));
            }
            return 0;
        }

        private static String rebuild(JsonNode projection) {
            if (!projection.path("building").asBoolean()) {
                return "";
            }
            return String.format("v%d at %d%% (%,d / %,d events)", projection.path("buildingVersion").asInt(),
                    projection.path("percent").asInt(), projection.path("consumed").asLong(),
                    projection.path("total").asLong());
        }
    }
}
