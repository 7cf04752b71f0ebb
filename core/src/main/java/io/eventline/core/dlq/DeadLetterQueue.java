package io.eventline.core.dlq;

import io.eventline.core.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead letters of every application ({@code *.dlq} topics): listed, and replayed to where their
 * records were read. A replay republishes the original key, value and headers (less the dead letter's
 * own) to the same topic and partition (a side effect's to its own replay topic,
 * {@link DeadLetterHeaders#REPLAY_TO}), addressed by {@link DeadLetterHeaders#REPLAY_FOR} to the
 * application that failed, and records the replay in {@link #REPLAYED} — both in one transaction, so a
 * dead letter is replayed once or not at all. A record still bad comes back as a new dead letter, with
 * one more attempt.
 *
 * <p>Thread-safe: replays of this instance run one at a time; those of several instances are kept
 * apart by their shared transactional id (the one that starts later fences the other, whose replay
 * then fails and may be retried).
 *
 * {@snippet :
 * DeadLetterQueue dlq = new DeadLetterQueue(clientSettings);
 * dlq.list().forEach(letter -> System.out.println(letter.id() + " " + letter.reason()));
 * dlq.replay("wallets.dlq-3-17"); // ApiException 404 if unknown, 409 if already replayed
 * }
 */
public final class DeadLetterQueue {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterQueue.class);
    /** Compacted: dead-letter id → when it was replayed. */
    public static final String REPLAYED = "eventline.dlq.replayed";
    public static final String SUFFIX = ".dlq";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final TopicReader reader;
    private final Replayer replayer;
    private final ReentrantLock replaying = new ReentrantLock();

    public DeadLetterQueue(Map<String, Object> clientSettings) {
        this.reader = new TopicReader(clientSettings, TIMEOUT);
        this.replayer = new Replayer(clientSettings);
    }

    /** Every dead letter, newest first. */
    public List<DeadLetterEntry> list() {
        return read().entries();
    }

    /**
     * How many dead letters wait in each dead-letter topic: those not replayed. Every such topic is
     * named, with 0 when nothing waits there, so that a depth going back to 0 is seen as such.
     */
    public Map<String, Long> depths() {
        Letters letters = read();
        Map<String, Long> depths = new TreeMap<>();
        letters.queues().forEach(queue -> depths.put(queue, 0L));
        letters.entries().stream().filter(entry -> !entry.replayed())
                .forEach(entry -> depths.merge(entry.queue(), 1L, Long::sum));
        return depths;
    }

    /**
     * Replays one dead letter (and any other of the same record in the same dead-letter topic).
     *
     * @throws ApiException 404 for an id that names no dead letter, 409 when it was already replayed
     */
    public DeadLetterEntry replay(String id) {
        if (DeadLetterEntry.Location.of(id).isEmpty()) {
            throw ApiException.notFound("no dead letter " + id + " (ids read <dead-letter topic>-<partition>-<offset>)");
        }
        replaying.lock();
        try (Replayer.Session session = replayer.begin()) {
            Letters letters = read();
            DeadLetterEntry entry = letters.entries().stream().filter(e -> e.id().equals(id)).findFirst()
                    .orElseThrow(() -> ApiException.notFound("no dead letter " + id));
            if (entry.replayed()) {
                throw ApiException.conflict(null, id + " was already replayed");
            }
            session.replay(letters.records().get(id), entry, letters.sameRecord(entry));
            session.commit();
            LOG.info("replayed {} to {}-{}", id, Replayer.Session.destination(letters.records().get(id), entry),
                    entry.partition());
            return entry;
        } finally {
            replaying.unlock();
        }
    }

    /** Replays every dead letter not yet replayed, one per record; returns those replayed. */
    public List<DeadLetterEntry> replayAll() {
        replaying.lock();
        try (Replayer.Session session = replayer.begin()) {
            Letters letters = read();
            List<DeadLetterEntry> replayed = new ArrayList<>();
            for (DeadLetterEntry entry : letters.entries().reversed()) { // oldest first: the order they came
                if (!entry.replayed() && replayed.stream().noneMatch(entry::sameRecordAs)) {
                    session.replay(letters.records().get(entry.id()), entry, letters.sameRecord(entry));
                    replayed.add(entry);
                }
            }
            session.commit();
            LOG.info("replayed {} dead letters", replayed.size());
            return replayed;
        } finally {
            replaying.unlock();
        }
    }

    private Letters read() {
        Set<String> replayed = reader.readAll(List.of(REPLAYED)).stream()
                .filter(record -> record.key() != null && record.value() != null)
                .map(record -> new String(record.key(), StandardCharsets.UTF_8))
                .collect(Collectors.toSet());
        Map<String, ConsumerRecord<byte[], byte[]>> records = new LinkedHashMap<>();
        List<DeadLetterEntry> read = new ArrayList<>();
        List<String> queues = reader.topicsEndingWith(SUFFIX);
        for (ConsumerRecord<byte[], byte[]> record : reader.readAll(queues)) {
            DeadLetterEntry.of(record).ifPresent(entry -> {
                records.put(entry.id(), record);
                read.add(entry);
            });
        }
        // A record dead-lettered twice by one application (two of its processors read the topic, or a
        // read model was rebuilt) is replayed once: each of its dead letters counts as replayed then.
        Set<String> replayedRecords = read.stream().filter(entry -> replayed.contains(entry.id()))
                .map(DeadLetterEntry::recordKey).collect(Collectors.toSet());
        List<DeadLetterEntry> entries = new ArrayList<>(read.stream()
                .map(entry -> replayedRecords.contains(entry.recordKey()) ? entry.asReplayed() : entry).toList());
        entries.sort(Comparator.comparing(DeadLetterEntry::at).thenComparing(DeadLetterEntry::queue)
                .thenComparingLong(e -> Long.parseLong(e.id().substring(e.id().lastIndexOf('-') + 1))).reversed());
        return new Letters(queues, entries, records);
    }

    /** What one read found: the dead-letter topics, entries newest first, and each one's record, by id. */
    private record Letters(List<String> queues, List<DeadLetterEntry> entries,
                           Map<String, ConsumerRecord<byte[], byte[]>> records) {
        List<String> sameRecord(DeadLetterEntry entry) {
            return entries.stream().filter(entry::sameRecordAs).map(DeadLetterEntry::id).toList();
        }
    }
}
