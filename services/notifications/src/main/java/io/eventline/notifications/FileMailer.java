package io.eventline.notifications;

import io.eventline.core.envelope.Json;
import io.eventline.core.retry.TransientEffectException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * {@link Mailer#files}: the mail of a machine with no mail server, one file per message named after
 * its event id, so that a repeat overwrites nothing and the files are the messages, each once.
 * Thread-safe: messages are written to files of their own.
 */
final class FileMailer implements Mailer {
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Path directory;

    FileMailer(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    @Override
    public void perform(String idempotencyKey, Mail mail) {
        if (!FILE_NAME.matcher(idempotencyKey).matches() || idempotencyKey.startsWith(".")) {
            throw new IllegalArgumentException("idempotency key " + idempotencyKey + " cannot name a file");
        }
        Path file = directory.resolve(idempotencyKey + ".json");
        if (Files.exists(file)) {
            return;
        }
        Path partial = null;
        try {
            Files.createDirectories(directory);
            partial = Files.createTempFile(directory, idempotencyKey, ".partial");
            Files.write(partial, Json.write(mail));
            // Renamed into place: whoever reads the directory sees a whole message or none.
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new TransientEffectException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(partial);
        }
    }

    private static void deleteQuietly(Path partial) {
        try {
            if (partial != null) {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            // A stray .partial file is harmless: it never bears a message's name.
        }
    }
}
