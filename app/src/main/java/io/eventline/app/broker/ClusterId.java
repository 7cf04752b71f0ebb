package io.eventline.app.broker;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * The broker's cluster id, generated on the first start and kept in a file: the formatter refuses
 * a log dir already formatted for another id, so every restart must reuse it.
 */
final class ClusterId {

    private static final String FILE = "cluster.id";

    private ClusterId() {
    }

    /**
     * The id stored under {@code root}; else the one in Kafka's own {@code meta.properties} (the
     * file was lost, the data was not); else a new one, stored before the broker formats anything.
     */
    static String loadOrCreate(Path root, Path logDir, Supplier<String> newId) {
        Path file = root.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            String id = fromMetaProperties(logDir.resolve("meta.properties"))
                    .orElseGet(newId);
            writeAtomically(file, id);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the cluster id in " + file, e);
        }
    }

    private static Optional<String> fromMetaProperties(Path metaProperties) throws IOException {
        if (!Files.exists(metaProperties)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(metaProperties, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return Optional.ofNullable(properties.getProperty("cluster.id"));
    }

    // A crash mid-write must not leave an empty id that no longer matches the formatted data.
    private static void writeAtomically(Path file, String id) throws IOException {
        Path tmp = file.resolveSibling(FILE + ".tmp");
        Files.writeString(tmp, id + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
