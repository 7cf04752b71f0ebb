package io.eventline.contracts.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.eventline.core.envelope.Catalogue;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The event schemas against what is really written: every golden file, and what the catalogues encode. */
class EventSchemasTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static Stream<Path> goldenFiles() throws IOException {
        try (Stream<Path> files = Files.walk(GOLDEN)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @Test
    void shouldHaveASchemaForEveryGoldenFileAndAGoldenFileForEverySchema() throws IOException {
        List<String> golden = goldenFiles().map(file -> GOLDEN.relativize(file).toString().replace('\\', '/')).toList();

        assertThat(new TreeSet<>(EventSchemas.all().stream().map(EventSchema::path).toList()))
                .isEqualTo(new TreeSet<>(golden));
    }

    @Test
    void shouldHaveASchemaForEveryVersionOfEveryTypeOfEveryTopic() {
        for (EventTopic topic : EventTopic.ALL) {
            topic.events().types().forEach(type -> {
                for (int version = 1; version <= type.currentVersion(); version++) {
                    assertThat(EventSchemas.find(type.name(), version)).as(type.name() + " v" + version).isPresent()
                            .get().satisfies(schema -> assertThat(schema.topics()).contains(topic.topic()));
                }
            });
        }
    }

    @ParameterizedTest
    @MethodSource("goldenFiles")
    void shouldAcceptTheGoldenFileOfEveryTypeAndVersion(Path file) throws IOException {
        JsonNode event = Json.readTree(Files.readAllBytes(file));

        assertThat(errors(event)).as(file.toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("goldenFiles")
    void shouldAcceptWhatTheCatalogueEncodesWhenItWritesTheCurrentVersion(Path file) throws IOException {
        EventEnvelope read = EnvelopeCodec.fromBytes(Files.readAllBytes(file));
        Catalogue<Object> catalogue = catalogueOf(read.eventType());
        Object event = catalogue.decode(read.eventType(), read.version(), read.data());
        int current = catalogue.typeOf(event).currentVersion();
        EventEnvelope written = new EventEnvelope(read.eventId(), read.eventType(), current, read.timestamp(),
                read.aggregateId(), catalogue.encode(event), read.metadata());

        assertThat(errors(EnvelopeCodec.toTree(written))).as(file.toString()).isEmpty();
    }

    @Test
    void shouldRejectAnEventWhoseDataBreaksItsTypeWhenValidated() throws IOException {
        ObjectNode event = (ObjectNode) Json.readTree(Files.readAllBytes(GOLDEN.resolve("order.placed/v1.json")));
        ((ObjectNode) event.get("data")).put("total", "42.50");
        ((ObjectNode) event.get("metadata")).put("traceId", "extra");

        assertThat(errors(event)).extracting(Error::getInstanceLocation).extracting(Object::toString)
                .containsExactlyInAnyOrder("/data/total", "/metadata");
    }

    @Test
    void shouldAllowNullOnlyWhereTheRecordSaysSo() throws IOException {
        ObjectNode event = (ObjectNode) Json.readTree(Files.readAllBytes(GOLDEN.resolve("notification.sent/v1.json")));
        ((ObjectNode) event.get("data")).putNull("to").putNull("reason");
        assertThat(errors(event)).isEmpty();

        ((ObjectNode) event.get("data")).putNull("subject");
        assertThat(errors(event)).extracting(Error::getInstanceLocation).extracting(Object::toString)
                .containsExactly("/data/subject");
    }

    private static List<Error> errors(JsonNode event) {
        EventSchema schema = EventSchemas.find(event.path("eventType").asText(), event.path("version").asInt())
                .orElseThrow(() -> new AssertionError("no schema for " + event.path("eventType")));
        return REGISTRY.getSchema(schema.schema()).validate(event);
    }

    @SuppressWarnings("unchecked")
    private static Catalogue<Object> catalogueOf(String eventType) {
        return (Catalogue<Object>) EventTopic.ALL.stream().map(EventTopic::events)
                .filter(catalogue -> catalogue.find(eventType).isPresent()).findFirst().orElseThrow();
    }
}
