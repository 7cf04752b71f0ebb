package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.eventline.app.http.AsyncApiDocument;
import io.eventline.core.envelope.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document is one: valid against AsyncAPI 3.0.0's own JSON Schema (vendored under
 * {@code test/resources/asyncapi}, see its README), and every reference in it leads somewhere: a local
 * {@code #/…} one to a node of the document, an operation's to its own channel's messages, a payload's
 * to the schema served beside the document.
 */
class AsyncApiStructureTest {
    private final JsonNode document = AsyncApiDocument.written();

    @Test
    void shouldBeValidAgainstTheAsyncApi300Schema() throws IOException {
        JsonNode official;
        try (InputStream in = Objects.requireNonNull(
                getClass().getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json"), "the AsyncAPI 3.0.0 schema")) {
            official = Json.readTree(in.readAllBytes());
        }
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(official);

        assertThat(schema.validate(document)).as("as written").isEmpty();
        assertThat(schema.validate(AsyncApiDocument.served("1.2.3", "kafka-1:9092,kafka-2:9092", 12, Optional.of(3))))
                .as("as served").isEmpty();
        assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(document.path("info").path("title").asText()).isNotBlank();
    }

    @Test
    void shouldResolveEveryLocalReference() {
        List<String> unresolved = new ArrayList<>();
        references(document, "", (at, ref) -> {
            if (ref.startsWith("#/") && document.at(ref.substring(1)).isMissingNode()) {
                unresolved.add(at + " -> " + ref);
            }
        });

        assertThat(unresolved).isEmpty();
    }

    @Test
    void shouldSendAndReceiveOnlyTheMessagesOfEachOperationsOwnChannel() {
        document.path("operations").properties().forEach(entry -> {
            JsonNode operation = entry.getValue();
            String channel = operation.path("channel").path("$ref").asText();
            assertThat(channel).as(entry.getKey()).startsWith("#/channels/");
            assertThat(operation.path("action").asText()).as(entry.getKey()).isIn("send", "receive");
            assertThat(operation.path("messages")).as(entry.getKey() + ": its messages").isNotEmpty()
                    .allSatisfy(message -> assertThat(message.path("$ref").asText()).startsWith(channel + "/messages/"));
        });
    }

    @Test
    void shouldReferEachEventPayloadToTheSchemaServedBesideTheDocument() {
        List<String> payloads = new ArrayList<>();
        references(document, "", (at, ref) -> {
            if (!ref.startsWith("#/")) {
                payloads.add(at + " -> " + ref);
            }
        });

        assertThat(payloads).isNotEmpty().allMatch(ref -> ref.matches(
                "/components/messages/([a-z.-]+)/payload/schema -> schemas/\\1/[1-9][0-9]*"), "/api/schemas/{type}/{v}");
        document.path("components").path("messages").properties().stream()
                .filter(message -> message.getValue().has("x-eventline-version"))
                .filter(message -> message.getValue().path("payload").has("schemaFormat"))
                .forEach(message -> assertThat(message.getValue().path("payload").path("schemaFormat").asText())
                        .as(message.getKey()).isEqualTo("application/schema+json;version=draft-2020-12"));
    }

    /** Calls {@code found} with the JSON pointer and the value of every {@code $ref} under {@code node}. */
    private static void references(JsonNode node, String at, java.util.function.BiConsumer<String, String> found) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String pointer = at + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    found.accept(at, field.getValue().asText());
                } else {
                    references(field.getValue(), pointer, found);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                references(node.get(i), at + "/" + i, found);
            }
        }
    }
}
