package io.eventline.contracts.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.core.envelope.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The schemas as files, the layout of docs/schemas: {@code index.json} and {@code <eventType>/v<N>.json}.
 * Written by {@code ./eventline schemas export}, read back to compare what was published with what the
 * code describes now.
 */
public final class SchemaFiles {
    public static final String INDEX = "index.json";

    private SchemaFiles() {
    }

    /**
     * Writes every schema and the index under {@code dir}, refusing when a schema published there would
     * change in a way that breaks its readers (then nothing is written).
     *
     * @return the paths written, relative to {@code dir}
     * @throws IncompatibleSchemaException naming what breaks
     * @throws UncheckedIOException when a file cannot be read or written
     */
    public static List<String> write(Path dir) {
        List<String> breaks = SchemaCompatibility.breaks(read(dir), EventSchemas.all());
        if (!breaks.isEmpty()) {
            throw new IncompatibleSchemaException(dir, breaks);
        }
        Map<String, byte[]> files = EventSchemas.files();
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = dir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the schemas to " + dir + ": " + e.getMessage(), e);
        }
        return List.copyOf(files.keySet());
    }

    /** The schemas under {@code dir} by relative path, the index left out; none when {@code dir} is absent. */
    public static Map<String, JsonNode> read(Path dir) {
        Map<String, JsonNode> schemas = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return schemas;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                String path = dir.relativize(file).toString().replace('\\', '/');
                if (!path.equals(INDEX)) {
                    schemas.put(path, Json.readTree(Files.readAllBytes(file)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the schemas in " + dir + ": " + e.getMessage(), e);
        }
        return schemas;
    }
}
