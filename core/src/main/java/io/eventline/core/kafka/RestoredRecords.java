package io.eventline.core.kafka;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * Counts the records one Kafka Streams application restored from its changelogs: after an unclean stop
 * under exactly-once, the whole state without transactional state stores, the tail since the last
 * commit with them. Called from the restoring threads; {@link #total} may be read from any thread.
 */
public final class RestoredRecords implements StateRestoreListener {
    private final AtomicLong restored = new AtomicLong();

    @Override
    public void onRestoreStart(TopicPartition partition, String storeName, long startingOffset, long endingOffset) {
        // counted per batch, as they are restored
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String storeName, long batchEndOffset, long numRestored) {
        restored.addAndGet(numRestored);
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String storeName, long totalRestored) {
        // already counted batch by batch
    }

    /** Records restored since this application started. */
    public long total() {
        return restored.get();
    }
}
