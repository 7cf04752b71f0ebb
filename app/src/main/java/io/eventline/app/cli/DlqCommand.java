package io.eventline.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.core.envelope.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./eventline dlq list|replay}: the dead letters of a running Eventline, and sending them back. */
@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = "The dead-letter queue of a running Eventline: what failed, why, and sending it back.",
        subcommands = {DlqCommand.ListLetters.class, DlqCommand.Replay.class})
final class DlqCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the dead letters, newest first.")
    static final class ListLetters implements Callable<Integer> {
        private static final int PAGE = 1000;

        @Option(names = "--json", description = "print them as a JSON array of the API's dead letters "
                + "({id, topic, partition, offset, reason, error, at, …}), every page")
        boolean json;

        @Mixin
        RunningEventline server;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException, InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            List<JsonNode> letters = all();
            if (json) {
                out.println(Json.writeString(letters));
                return 0;
            }
            if (letters.isEmpty()) {
                out.println("no dead letters");
                return 0;
            }
            String row = "%-32s  %-28s  %-19s  %-24s  %s%n";
            out.printf(row, "ID", "SOURCE", "REASON", "AT", "");
            for (JsonNode letter : letters) {
                String source = letter.path("topic").asText() + "-" + letter.path("partition").asInt() + "@"
                        + letter.path("offset").asLong();
                out.printf(row, letter.path("id").asText(), source, letter.path("reason").asText(),
                        letter.path("at").asText(), letter.path("replayed").asBoolean() ? "replayed" : "");
            }
            out.printf("%d dead letters%n", letters.size());
            return 0;
        }

        /** Page by page: the API answers at most {@value #PAGE} a call. */
        private List<JsonNode> all() throws IOException, InterruptedException {
            List<JsonNode> letters = new java.util.ArrayList<>();
            String after = "";
            while (true) {
                JsonNode page = server.send("GET", "/api/dlq?limit=" + PAGE + after).body();
                page.forEach(letters::add);
                if (page.size() < PAGE) {
                    return letters;
                }
                after = "&after=" + java.net.URLEncoder.encode(page.get(page.size() - 1).path("id").asText(),
                        java.nio.charset.StandardCharsets.UTF_8);
            }
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Sends dead letters back to the topic they were read from, for the service that failed.")
    static final class Replay implements Callable<Integer> {
        @ArgGroup(multiplicity = "1")
        Which which;

        @Mixin
        RunningEventline server;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        static final class Which {
            @Parameters(paramLabel = "ID", arity = "1..*", description = "dead letters, as listed")
            List<String> ids;

            @Option(names = "--all", required = true, description = "every dead letter not yet replayed")
            boolean all;
        }

        @Override
        public Integer call() throws IOException, InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            if (which.all) {
                JsonNode replayed = server.send("POST", "/api/dlq/replay").body();
                out.printf("replayed %d dead letters%n", replayed.path("replayed").asInt());
                return 0;
            }
            for (String id : which.ids) {
                RunningEventline.Response response = server.send("POST", "/api/dlq/" + id + "/replay", 409);
                out.println(response.status() == 409 ? id + " was already replayed: nothing sent" : "replayed " + id);
            }
            return 0;
        }
    }
}
