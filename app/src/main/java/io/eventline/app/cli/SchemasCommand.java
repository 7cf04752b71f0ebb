package io.eventline.app.cli;

import io.eventline.contracts.schemas.EventSchema;
import io.eventline.contracts.schemas.EventSchemas;
import io.eventline.contracts.schemas.EventTopic;
import io.eventline.contracts.schemas.SchemaFiles;
import io.eventline.core.envelope.MessageType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./eventline schemas export|push}: the JSON Schema of every event type and version, as files or in a registry. */
@Command(name = "schemas", mixinStandardHelpOptions = true,
        description = "The JSON Schema (2020-12) of every event type and version: the whole record value, the envelope "
                + "with its data. The same as docs/schemas and GET /api/schemas.",
        subcommands = {SchemasCommand.Export.class, SchemasCommand.Push.class})
final class SchemasCommand {

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Writes index.json and <eventType>/v<N>.json for every schema into DIR (docs/schemas in "
                    + "this repository). Refuses, writing nothing, when a schema already in DIR would change in a way "
                    + "that breaks its readers.")
    static final class Export implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "the directory to write into; created if absent")
        Path dir;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            List<String> written = SchemaFiles.write(dir);
            spec.commandLine().getOut().printf("%d schemas and their index written to %s%n", written.size() - 1, dir);
            return 0;
        }
    }

    @Command(name = "push", mixinStandardHelpOptions = true,
            description = "Registers the current version's schema of every event type in a Confluent-compatible schema "
                    + "registry, as schemaType JSON, under the subject <topic>-<eventType> (Confluent's "
                    + "TopicRecordNameStrategy: the record name of a JSON Schema is its title, the event type), e.g. "
                    + "orders.events-order.placed. Registering an unchanged schema again is harmless. Prints each "
                    + "subject and its id; exit 1 naming the registry on the first refusal.")
    static final class Push implements Callable<Integer> {
        @Option(names = "--registry", paramLabel = "URL", defaultValue = "${env:EVENTLINE_REGISTRY}",
                description = "the schema registry's URL, e.g. http://localhost:8081 (Apicurio: …/apis/ccompat/v7)")
        String registry;

        @Option(names = "--dry-run", description = "print the subjects and what would be registered, send nothing")
        boolean dryRun;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException, InterruptedException {
            if (registry == null || registry.isBlank()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--registry: the schema registry's URL");
            }
            SchemaRegistry target = new SchemaRegistry(registry);
            PrintWriter out = spec.commandLine().getOut();
            int pushed = 0;
            for (EventTopic topic : EventTopic.ALL) {
                // By name: a catalogue's types come in no particular order, and the output should not change.
                for (MessageType<?> type : topic.events().types().stream()
                        .sorted(Comparator.comparing(MessageType::name)).toList()) {
                    EventSchema schema = EventSchemas.find(type.name(), type.currentVersion()).orElseThrow();
                    String subject = topic.topic() + "-" + type.name();
                    if (dryRun) {
                        out.printf("%-50s  %s v%d (dry run: not sent)%n", subject, type.name(), schema.version());
                    } else {
                        int id = target.register(subject, schema.schema());
                        out.printf("%-50s  %s v%d  id %d%n", subject, type.name(), schema.version(), id);
                    }
                    out.flush();
                    pushed++;
                }
            }
            out.printf(dryRun ? "%d subjects would be registered in %s%n" : "%d subjects registered in %s%n", pushed,
                    target.url());
            return 0;
        }
    }
}
