package io.eventline.app.broker;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One broker per data dir, held from before formatting until after shutdown. Kafka's own lock on
 * the log dir comes too late: a second broker on the same dir activates its controller, and writes
 * to the shared metadata log, before its log manager finds the dir locked.
 */
final class DataDirLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirLock.class);

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws BrokerStartException if another broker, in this JVM or another process, holds it */
    static DataDirLock acquire(Path root) {
        Path file = root.resolve("broker.lock");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(root);
            }
            return new DataDirLock(channel, lock);
        } catch (OverlappingFileLockException e) { // held by this JVM
            close(channel);
            throw inUse(root);
        } catch (IOException e) {
            close(channel);
            throw new BrokerStartException("cannot start the embedded Kafka broker: cannot lock " + file + ": " + e, e);
        } catch (BrokerStartException e) {
            close(channel);
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            LOG.warn("Cannot release the broker lock {}; closing its file releases it", lock, e);
        }
        close(channel);
    }

    private static BrokerStartException inUse(Path root) {
        return new BrokerStartException("cannot start the embedded Kafka broker: its data dir " + root
                + " is in use by another broker; stop that one or pass another data dir");
    }

    private static void close(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("Cannot close the broker lock file; the lock ends with this process", e);
        }
    }
}
