package io.eventline.app.broker;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One process per data dir, held from before anything is written there until after shutdown; an
 * OS file lock, so it ends with the process however that ends, SIGKILL included.
 *
 * <ul>
 *   <li>The broker's: Kafka's own lock on the log dir comes too late; a second broker on the same
 *       dir activates its controller, and writes to the shared metadata log, before its log manager
 *       finds the dir locked.
 *   <li>The services': two processes on one data dir would share the Kafka Streams state dirs and
 *       the instance id, so the same static member of every group; each would fence the other.
 * </ul>
 */
public final class DataDirLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirLock.class);

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws BrokerStartException if another broker, in this JVM or another process, holds it */
    static DataDirLock acquire(Path root) {
        return acquire(root.resolve("broker.lock"), "its data dir " + root
                        + " is in use by another broker; stop that one or pass another data dir",
                (why, cause) -> new BrokerStartException("cannot start the embedded Kafka broker: " + why, cause));
    }

    /**
     * The lock of a process running services ({@code run}, {@code service}) on {@code dataDir}.
     *
     * @throws IllegalStateException if another such process, in this JVM or another, holds it
     */
    public static DataDirLock forServices(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        return acquire(dir.resolve("services.lock"), "the data dir " + dir + " is in use by another Eventline "
                + "process (run or service); stop that one, or give each process its own --data-dir",
                IllegalStateException::new);
    }

    /** @param refusal the exception to throw, from what went wrong and its cause (none when in use) */
    private static DataDirLock acquire(Path file, String inUse,
                                       BiFunction<String, Exception, RuntimeException> refusal) {
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                close(channel);
                throw refusal.apply(inUse, null);
            }
            return new DataDirLock(channel, lock);
        } catch (OverlappingFileLockException e) { // held by this JVM
            close(channel);
            throw refusal.apply(inUse, null);
        } catch (IOException e) {
            close(channel);
            throw refusal.apply("cannot lock " + file + ": " + e, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            LOG.warn("Cannot release the lock {}; closing its file releases it", lock, e);
        }
        close(channel);
    }

    private static void close(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("Cannot close a data dir's lock file; the lock ends with this process", e);
        }
    }
}
