package io.eventline.core.dlq;

import io.eventline.core.failure.InvalidField;
import io.eventline.core.failure.NotFound;
import io.eventline.core.failure.Rejected;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * <p>What the topics hold is kept in a {@link DeadLetterIndex} that reads only what was appended since
 * the last call: listing, paging and the depths cost the new dead letters, not every one since offset 0.
 *
 * <p>Thread-safe: replays of this instance run one at a time; those of several instances are kept
 * apart by their shared transactional id (the one that starts later fences the other, whose replay
 * then fails and may be retried).
 *
 * {@snippet :
 * DeadLetterQueue dlq = new DeadLetterQueue(clientSettings);
 * dlq.page(100, Optional.empty()).forEach(letter -> System.out.println(letter.id() + " " + letter.reason()));
 * dlq.replay("wallets.dlq-3-17"); // NotFound if unknown, Rejected if already replayed
 * }
 */
public final class DeadLetterQueue implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterQueue.class);
    /** Compacted: dead-letter id → when it was replayed. */
    public static final String REPLAYED = "eventline.dlq.replayed";
    public static final String SUFFIX = ".dlq";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final TopicReader reader;
    private final DeadLetterIndex index;
    private final Replayer replayer;
    private final ReentrantLock replaying = new ReentrantLock();

    public DeadLetterQueue(Map<String, Object> clientSettings) {
        this.reader = new TopicReader(clientSettings, TIMEOUT);
        this.index = new DeadLetterIndex(clientSettings, TIMEOUT);
        this.replayer = new Replayer(clientSettings);
    }

    /** Every dead letter, newest first: for a few; {@link #page} bounds what one call answers. */
    public List<DeadLetterEntry> list() {
        index.catchUp();
        return index.page(Integer.MAX_VALUE, Optional.empty());
    }

    /**
     * Up to {@code limit} dead letters, newest first, after the one whose id is {@code after} (the last
     * of the previous page), or from the newest.
     *
     * @throws InvalidField naming {@code after} when it names no dead letter
     */
    public List<DeadLetterEntry> page(int limit, Optional<String> after) {
        index.catchUp();
        return index.page(limit, after);
    }

    /**
     * How many dead letters wait in each dead-letter topic: those not replayed. Every such topic is
     * named, with 0 when nothing waits there, so that a depth going back to 0 is seen as such.
     */
    public Map<String, Long> depths() {
        index.catchUp();
        return index.depths();
    }

    /** Replays undone since this queue was made: their transaction aborted, nothing replayed. */
    public long replaysAborted() {
        return replayer.aborted();
    }

    /** Aborts of undone replays that failed themselves (the broker aborts them at their timeout). */
    public long replayAbortFailures() {
        return replayer.abortFailures();
    }

    /** Records read from the cluster since this queue was made: what keeping up has cost (for tests). */
    public long recordsRead() {
        return index.recordsRead();
    }

    /**
     * Replays one dead letter (and any other of the same record in the same dead-letter topic).
     *
     * @throws NotFound for an id that names no dead letter
     * @throws Rejected when it was already replayed
     */
    public DeadLetterEntry replay(String id) {
        Optional<DeadLetterEntry.Location> location = DeadLetterEntry.Location.of(id);
        if (location.isEmpty()) {
            throw new NotFound("no dead letter " + id + " (ids read <dead-letter topic>-<partition>-<offset>)");
        }
        replaying.lock();
        try (Replayer.Session session = replayer.begin()) {
            // After begin(): the session fenced every earlier replay, so the marks read now are final.
            index.catchUp();
            DeadLetterEntry entry = index.get(id).orElseThrow(() -> new NotFound("no dead letter " + id));
            if (!entry.replayable()) {
                throw new Rejected(null, id + " is a Kafka Connect sink's dead letter: its topic has other "
                        + "readers, which a replay would make read it twice; fix the cause and write the row again");
            }
            if (entry.replayed()) {
                throw new Rejected(null, id + " was already replayed");
            }
            ConsumerRecord<byte[], byte[]> letter = reader.readOne(location.get())
                    .orElseThrow(() -> new NotFound("dead letter " + id + " is no longer in its topic"));
            session.replay(letter, entry, index.sameRecord(entry));
            session.commit();
            LOG.info("replayed {} to {}-{}", id, Replayer.Session.destination(letter, entry), entry.partition());
            return entry;
        } finally {
            replaying.unlock();
        }
    }

    /**
     * Replays every dead letter not yet replayed, one per record, oldest first; returns those
     * replayed. Their records are read in one pass over the dead-letter topics and sent as they come,
     * not held.
     */
    public List<DeadLetterEntry> replayAll() {
        replaying.lock();
        try (Replayer.Session session = replayer.begin()) {
            index.catchUp();
            Map<String, DeadLetterEntry> toReplay = new LinkedHashMap<>();
            index.waitingOldestFirst().forEach(entry -> {
                if (entry.replayable()) {
                    toReplay.put(entry.id(), entry);
                }
            });
            Set<String> queues = toReplay.values().stream().map(DeadLetterEntry::queue).collect(Collectors.toSet());
            List<DeadLetterEntry> replayed = new ArrayList<>();
            reader.forEach(queues, record -> {
                DeadLetterEntry entry = toReplay.get(
                        new DeadLetterEntry.Location(record.topic(), record.partition(), record.offset()).id());
                if (entry != null) {
                    session.replay(record, entry, index.sameRecord(entry));
                    replayed.add(entry);
                }
            });
            session.commit();
            LOG.info("replayed {} dead letters", replayed.size());
            return replayed;
        } finally {
            replaying.unlock();
        }
    }

    @Override
    public void close() {
        index.close();
    }
}
