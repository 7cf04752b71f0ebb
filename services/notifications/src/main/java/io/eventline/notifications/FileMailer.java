package io.eventline.notifications;

import io.eventline.core.envelope.Json;
import io.eventline.core.retry.TransientEffectException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * {@link Mailer#files}: the mail of a machine with no mail server, one file per message named after
 * its event id, so that a repeat overwrites nothing and the files are the messages, each once.
 * Thread-safe: messages are written to files of their own.
 *
 * <p>A message costs five system calls (look for it, create its partial file, write, close, rename),
 * not the eleven of {@code Files.createTempFile} and {@code Files.write} with a directory check each
 * time: at saturation one file per order was a twelfth of the platform's CPU, most of it in the kernel.
 */
final class FileMailer implements Mailer {
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Set<StandardOpenOption> CREATE_NEW = Set.of(StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
    /** Readable by the platform's user only, as a temporary file is: a message names a customer and an address. */
    private static final FileAttribute<?>[] OWNER_ONLY = {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};

    private final Path directory;
    private final FileAttribute<?>[] attributes;

    FileMailer(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.attributes = directory.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? OWNER_ONLY : new FileAttribute<?>[0];
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
        try {
            Path partial = writePartial(idempotencyKey, Json.write(mail));
            try {
                // Renamed into place: whoever reads the directory sees a whole message or none.
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                deleteQuietly(partial);
                throw e;
            }
        } catch (IOException e) {
            throw new TransientEffectException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The message in a file of its own that no message's name can be ({@code .partial}), created new:
     * two attempts at one message (a retry beside a slow first try) never write into one file. The
     * directory is made when the first message finds it missing, not checked for every message.
     */
    private Path writePartial(String idempotencyKey, byte[] message) throws IOException {
        Path partial = directory.resolve(idempotencyKey + Long.toUnsignedString(ThreadLocalRandom.current().nextLong())
                + ".partial");
        SeekableByteChannel created = create(partial);
        try (SeekableByteChannel channel = created) {
            ByteBuffer remaining = ByteBuffer.wrap(message);
            while (remaining.hasRemaining()) {
                channel.write(remaining);
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
        return partial;
    }

    private SeekableByteChannel create(Path partial) throws IOException {
        try {
            return Files.newByteChannel(partial, CREATE_NEW, attributes);
        } catch (NoSuchFileException e) {
            Files.createDirectories(directory);
            return Files.newByteChannel(partial, CREATE_NEW, attributes);
        }
    }

    private static void deleteQuietly(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            // A stray .partial file is harmless: it never bears a message's name.
        }
    }
}
