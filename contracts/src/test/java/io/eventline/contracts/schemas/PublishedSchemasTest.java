package io.eventline.contracts.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.core.envelope.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/schemas as committed is what consumers rely on: it must be what the code describes (else
 * regenerate it), and the code must not have changed a published version in a way that breaks its
 * readers (else add a version, with an upcaster).
 */
class PublishedSchemasTest {
    static final Path DOCS = Path.of("../docs/schemas");

    @Test
    void shouldPublishExactlyWhatTheCodeDescribesWhenDocsAreUpToDate() throws IOException {
        Map<String, String> published = new TreeMap<>();
        try (Stream<Path> files = Files.walk(DOCS)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                published.put(DOCS.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
        Map<String, String> generated = new TreeMap<>();
        EventSchemas.files().forEach((path, bytes) -> generated.put(path, new String(bytes)));

        assertThat(published).as("docs/schemas is stale: run ./eventline schemas export docs/schemas, "
                + "after the compatibility test passes").isEqualTo(generated);
    }

    @Test
    void shouldBreakNoReaderOfAPublishedVersionWhenTheCodeChanges() {
        assertThat(SchemaCompatibility.breaks(SchemaFiles.read(DOCS), EventSchemas.all()))
                .as("changes that break readers of docs/schemas: add a version with an upcaster instead").isEmpty();
    }

    @Test
    void shouldIndexEverySchemaWithItsTopicsWhenPublished() throws IOException {
        JsonNode index = Json.readTree(Files.readAllBytes(DOCS.resolve(SchemaFiles.INDEX)));

        assertThat(index).hasSize(EventSchemas.all().size());
        assertThat(index.get(0).fieldNames()).toIterable()
                .containsExactly("eventType", "version", "current", "topics", "$id", "path");
    }
}
