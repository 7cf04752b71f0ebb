package io.eventline.core.dlq;

import io.eventline.core.failure.InvalidField;
import io.eventline.core.failure.TimedOut;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What the dead-letter topics hold, kept in memory and brought up to date by reading only what was
 * appended since the last look: one long-lived consumer ({@code read_committed}, no group) stays
 * assigned to every {@code *.dlq} partition and to {@link DeadLetterQueue#REPLAYED}, so each call costs
 * the new records, never the topics from offset 0. Records' bytes are not kept (a replay reads its one
 * record again), only each dead letter's entry: about 300 bytes each.
 *
 * <p>Thread-safe: every method holds the one lock (a Kafka consumer is single-threaded).
 */
final class DeadLetterIndex implements AutoCloseable {
    /** Where a letter sorts: newest first, ties broken by where it lies, so that a page cursor is exact. */
    private record SortKey(java.time.Instant at, String queue, int partition, long offset) {
        static final Comparator<SortKey> NEWEST_FIRST = Comparator.comparing(SortKey::at)
                .thenComparing(SortKey::queue).thenComparingInt(SortKey::partition)
                .thenComparingLong(SortKey::offset).reversed();
    }

    private record Indexed(DeadLetterEntry entry, SortKey key) {
    }

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Duration timeout;
    private final TreeMap<SortKey, DeadLetterEntry> sorted = new TreeMap<>(SortKey.NEWEST_FIRST);
    private final Map<String, Indexed> byId = new HashMap<>();
    private final Map<String, List<String>> idsByRecord = new HashMap<>();
    private final Set<String> replayedIds = new HashSet<>();
    private final Set<String> replayedRecords = new HashSet<>();
    private final Map<String, Long> waiting = new TreeMap<>();
    private long recordsRead;

    DeadLetterIndex(Map<String, Object> clientSettings, Duration timeout) {
        Properties props = new Properties();
        props.putAll(clientSettings);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "eventline-dlq-index");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.timeout = timeout;
    }

    /**
     * Reads what was appended to the dead-letter topics and the replay marks since the last call, up
     * to their end offsets now (the last stable ones): after it, every committed dead letter and replay
     * is known. Topics that appeared are read from their beginning; those deleted are forgotten.
     *
     * @throws TimedOut when the cluster does not answer in time
     */
    synchronized void catchUp() {
        Set<TopicPartition> partitions = partitionsNow();
        Set<TopicPartition> assigned = consumer.assignment();
        if (!partitions.equals(assigned)) {
            Set<String> gone = assigned.stream().map(TopicPartition::topic)
                    .filter(topic -> partitions.stream().noneMatch(p -> p.topic().equals(topic)))
                    .collect(Collectors.toSet());
            gone.forEach(this::forget);
            consumer.assign(partitions);
            List<TopicPartition> added = partitions.stream().filter(p -> !assigned.contains(p)).toList();
            consumer.seekToBeginning(added);
        }
        partitions.stream().map(TopicPartition::topic).filter(topic -> !topic.equals(DeadLetterQueue.REPLAYED))
                .forEach(queue -> waiting.putIfAbsent(queue, 0L));
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey(), timeout) < end.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new TimedOut("reading the dead-letter topics took longer than " + timeout
                        + "; retry");
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                recordsRead++;
                if (record.topic().equals(DeadLetterQueue.REPLAYED)) {
                    markReplayed(record);
                } else {
                    DeadLetterEntry.of(record).ifPresent(entry -> add(entry, new SortKey(entry.at(), record.topic(),
                            record.partition(), record.offset())));
                }
            }
        }
    }

    private Set<TopicPartition> partitionsNow() {
        Set<TopicPartition> partitions = new HashSet<>();
        consumer.listTopics(timeout).forEach((topic, infos) -> {
            if (topic.endsWith(DeadLetterQueue.SUFFIX) || topic.equals(DeadLetterQueue.REPLAYED)) {
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
        });
        return partitions;
    }

    private void add(DeadLetterEntry entry, SortKey key) {
        if (byId.putIfAbsent(entry.id(), new Indexed(entry, key)) != null) {
            return;
        }
        sorted.put(key, entry);
        List<String> letters = idsByRecord.computeIfAbsent(entry.recordKey(), record -> new ArrayList<>());
        letters.add(entry.id());
        boolean replayed = replayedRecords.contains(entry.recordKey());
        if (!replayed && replayedIds.contains(entry.id())) { // its mark was read before it
            replayedRecords.add(entry.recordKey());
            waiting.merge(entry.queue(), -(long) (letters.size() - 1), Long::sum);
            replayed = true;
        }
        waiting.merge(entry.queue(), replayed ? 0L : 1L, Long::sum);
    }

    private void markReplayed(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        String id = new String(record.key(), StandardCharsets.UTF_8);
        replayedIds.add(id);
        Indexed indexed = byId.get(id);
        if (indexed != null && replayedRecords.add(indexed.entry().recordKey())) {
            DeadLetterEntry entry = indexed.entry();
            // A record dead-lettered twice by one application is replayed once: all its letters count.
            waiting.merge(entry.queue(), -(long) idsByRecord.get(entry.recordKey()).size(), Long::sum);
        }
    }

    private void forget(String topic) {
        List<Indexed> dropped = byId.values().stream().filter(e -> e.entry().queue().equals(topic)).toList();
        dropped.forEach(indexed -> {
            byId.remove(indexed.entry().id());
            sorted.remove(indexed.key());
            idsByRecord.remove(indexed.entry().recordKey());
            replayedRecords.remove(indexed.entry().recordKey());
        });
        waiting.remove(topic);
    }

    /**
     * Up to {@code limit} entries, newest first, after the one {@code after} names (from the first when
     * empty).
     *
     * @throws InvalidField naming {@code after} when it names no dead letter
     */
    synchronized List<DeadLetterEntry> page(int limit, Optional<String> after) {
        Map<SortKey, DeadLetterEntry> from = sorted;
        if (after.isPresent()) {
            Indexed last = byId.get(after.get());
            if (last == null) {
                throw new InvalidField("after", "no dead letter " + after.get() + " (a cursor is the id of the "
                        + "last dead letter of the previous page)");
            }
            from = sorted.tailMap(last.key(), false);
        }
        return from.values().stream().limit(limit).map(this::asListed).toList();
    }

    synchronized Optional<DeadLetterEntry> get(String id) {
        return Optional.ofNullable(byId.get(id)).map(Indexed::entry).map(this::asListed);
    }

    /** The ids of every dead letter of the same record in the same dead-letter topic, this one's too. */
    synchronized List<String> sameRecord(DeadLetterEntry entry) {
        return List.copyOf(idsByRecord.getOrDefault(entry.recordKey(), List.of(entry.id())));
    }

    /** Every entry not replayed, oldest first, one per record: what a replay of all sends back. */
    synchronized List<DeadLetterEntry> waitingOldestFirst() {
        Set<String> records = new HashSet<>();
        List<DeadLetterEntry> waitingOnes = new ArrayList<>();
        for (DeadLetterEntry entry : sorted.descendingMap().values()) {
            if (!replayedRecords.contains(entry.recordKey()) && records.add(entry.recordKey())) {
                waitingOnes.add(entry);
            }
        }
        return waitingOnes;
    }

    /** Dead letters not replayed, per dead-letter topic: every such topic, 0 when none waits. */
    synchronized Map<String, Long> depths() {
        return new TreeMap<>(waiting);
    }

    /** How many records were read since this index was made: what {@link #catchUp()} cost. */
    synchronized long recordsRead() {
        return recordsRead;
    }

    private DeadLetterEntry asListed(DeadLetterEntry entry) {
        return replayedRecords.contains(entry.recordKey()) ? entry.asReplayed() : entry;
    }

    @Override
    public synchronized void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
