package io.eventline.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.core.envelope.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
        @Mixin
        Server server;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException, InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            JsonNode letters = server.send("GET", "/api/dlq").body();
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
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = "Sends dead letters back to the topic they were read from, for the service that failed.")
    static final class Replay implements Callable<Integer> {
        @ArgGroup(multiplicity = "1")
        Which which;

        @Mixin
        Server server;

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
                Response response = server.send("POST", "/api/dlq/" + id + "/replay", 409);
                out.println(response.status() == 409 ? id + " was already replayed: nothing sent" : "replayed " + id);
            }
            return 0;
        }
    }

    /** The Eventline to talk to, and how: the options every subcommand takes. */
    static final class Server {
        @Option(names = "--url", defaultValue = "${env:EVENTLINE_URL:-http://127.0.0.1:8080}",
                description = "the running Eventline (default ${DEFAULT-VALUE})")
        String url;

        @Option(names = "--api-token", defaultValue = "${env:EVENTLINE_API_TOKEN}", description = "its bearer token")
        String apiToken;

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        Response send(String method, String path, int... alsoFine) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60))
                    .method(method, HttpRequest.BodyPublishers.noBody());
            if (apiToken != null && !apiToken.isBlank()) {
                request.header("Authorization", "Bearer " + apiToken);
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException | HttpTimeoutException e) {
                throw new IllegalStateException("no Eventline answers at " + url + " (start it, or pass --url)", e);
            }
            JsonNode body = response.body().isBlank() ? Json.mapper().nullNode()
                    : Json.readTree(response.body().getBytes(StandardCharsets.UTF_8));
            boolean fine = response.statusCode() < 300
                    || java.util.Arrays.stream(alsoFine).anyMatch(status -> status == response.statusCode());
            if (!fine) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + body.path("detail").asText(response.body()));
            }
            return new Response(response.statusCode(), body);
        }
    }

    record Response(int status, JsonNode body) {
    }
}
