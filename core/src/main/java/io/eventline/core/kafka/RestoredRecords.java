package io.eventline.core.kafka;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Set<String> restoring = ConcurrentHashMap.newKeySet();

    @Override
    public void onRestoreStart(TopicPartition partition, String storeName, long startingOffset, long endingOffset) {
        restoring.add(storeName + " " + partition);
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String storeName, long batchEndOffset, long numRestored) {
        restored.addAndGet(numRestored);
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String storeName, long totalRestored) {
        restoring.remove(storeName + " " + partition); // its records were counted batch by batch
    }

    @Override
    public void onRestoreSuspended(TopicPartition partition, String storeName, long totalRestored) {
        restoring.remove(storeName + " " + partition); // the task moved away: another instance restores it
    }

    /**
     * Store partitions being restored from their changelogs now: until none is, some keys answer from
     * a state that has not caught up with the log (readiness waits for it).
     */
    public int restoring() {
        return restoring.size();
    }

    /** Records restored since this application started. */
    public long total() {
        return restored.get();
    }
}
