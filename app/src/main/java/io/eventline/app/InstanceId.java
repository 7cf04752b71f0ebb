package io.eventline.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * This process's identity in consumer groups, kept in the data dir: the same data dir is the same
 * instance across restarts, and two processes with their own data dirs are two instances.
 */
final class InstanceId {
    private static final String FILE = "instance.id";

    private InstanceId() {
    }

    static String of(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            Files.createDirectories(dataDir);
            String id = UUID.randomUUID().toString().substring(0, 8);
            Path temp = Files.createTempFile(dataDir, FILE, ".tmp");
            Files.writeString(temp, id + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file + ": check --data-dir", e);
        }
    }
}
