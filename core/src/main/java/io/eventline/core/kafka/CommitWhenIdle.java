package io.eventline.core.kafka;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Commits a record's output at once when the record reaches an idle stream thread, instead of at the
 * thread's next commit interval.
 *
 * <p>Why: under exactly-once a record is visible downstream only once its transaction commits, and a
 * stream thread commits on a timer ({@code commit.interval.ms}) that it checks around each poll and
 * restarts even when it had nothing to commit. At rest a record therefore waits out the rest of that
 * timer, or a whole {@code poll.ms} (100 ms) blocked in the next poll, before the next service can read
 * it: one such wait per hop, and a saga's step is several hops. A hand-written consume-transform-produce loop
 * commits a record reaching an idle loop at once; this gives a stream thread the same rule. When the
 * thread has processed nothing for {@link #DEFAULT_QUIET_MS} before a record, and the record's processor
 * writes something for another service to read ({@link #outputWritten}), the processor asks Kafka
 * Streams ({@link ProcessingContext#commit()}) to commit after the loop that processes it.
 *
 * <p>Only output asks. An event reaches every service that reads its topic, and most have nothing to
 * answer (a reaction that ignores it, a read model, which serves its store and needs no commit for it):
 * committing each of those at once put half a dozen transactions on the two cores at every hop, beside
 * the one on the path of the work under way. Their offsets wait for the timer, off that path.
 *
 * <p>Only a small poll asks ({@link #CAUGHT_UP_RECORDS} records at most): a thread that is behind finds a
 * batch waiting, and would otherwise commit after nearly every record, each commit looking like a
 * quiet spell before the next. Kafka Streams processes a poll's records over several loops, and some
 * of them go through processors that do not report here (the DSL's; {@link Sources} reports each
 * record it reads as it enters, {@link ReadReport}): a record processed after the commit that an earlier
 * one of its poll asked for asks again, after the quiet spell that commit made, and the last record of
 * the poll asks for any output its poll left uncommitted.
 * {@link PollWatcher}, a consumer interceptor that {@link StreamsSettings} installs on every main
 * consumer, reports the polls. Under load polls are large, nothing asks, and commits stay on the timer:
 * no more transactions than before.
 *
 * <p>Under steady moderate load the thread is caught up after nearly every record, and these commits
 * are most of the platform's CPU (transactions, their markers, the fetches they wake). A spacing
 * ({@link #SPACING_MS_CONFIG}, off by default) holds a thread to one ask per spacing on average after
 * a burst of {@link #SPACING_BURST}; its output in between is asked for by a later record or committed
 * by the timer. Off by default: orders placed one after another (each when the one before shipped)
 * also spend the budget, and at a 20 ms commit interval the bench's idle order took 137 ms instead of
 * 40 with a 20 ms spacing. See docs/performance.md.
 *
 * <p>The quiet time is the thread's, not a task's: under exactly-once v2 one commit covers every task
 * of the thread, so a record on one task while others are busy has nothing to gain from its own. A
 * record that goes on through a second processor of its task (a reaction's command decided in place)
 * is one record: the second processor's report of it changes nothing.
 */
public final class CommitWhenIdle {
    /** The setting (milliseconds, in the Streams properties) that overrides {@link #DEFAULT_QUIET_MS}; 0 turns it off. */
    public static final String QUIET_MS_CONFIG = "eventline.commit.when.idle.ms";
    /**
     * How long a thread must have processed nothing for its next record to be committed at once: longer
     * than the gaps between records a busy thread has buffered, shorter than a hop (~5 ms to commit).
     */
    public static final long DEFAULT_QUIET_MS = 2;
    /**
     * The setting (milliseconds, in the Streams properties) that overrides {@link #DEFAULT_SPACING_MS}:
     * a thread asks at most once per spacing on average, after a burst of {@link #SPACING_BURST}; 0
     * asks whenever the rule above says so.
     */
    public static final String SPACING_MS_CONFIG = "eventline.commit.when.idle.spacing.ms";
    public static final long DEFAULT_SPACING_MS = 0;
    /** The asks a thread makes at once before its spacing holds it back: an idle order's hops on one thread. */
    static final int SPACING_BURST = 8;

    /**
     * The most records a poll may return for the thread to count as caught up. A thread that waited in
     * its poll for input gets what arrived meanwhile, a record or a few; one that is behind, busy or
     * short of CPU finds a batch waiting and gains nothing from committing early.
     */
    static final int CAUGHT_UP_RECORDS = 4;

    private static final ThreadLocal<ThreadState> THREAD = ThreadLocal.withInitial(ThreadState::new);

    private final ProcessingContext context;
    private final long quietNanos;
    private final long spacingNanos;

    private CommitWhenIdle(ProcessingContext context, long quietNanos, long spacingNanos) {
        this.context = context;
        this.quietNanos = quietNanos;
        this.spacingNanos = spacingNanos;
    }

    /** One per processor, made in its {@code init}. */
    public static CommitWhenIdle of(ProcessingContext context) {
        return new CommitWhenIdle(context, TimeUnit.MILLISECONDS.toNanos(quietMs(context.appConfigs())),
                TimeUnit.MILLISECONDS.toNanos(millis(context.appConfigs(), SPACING_MS_CONFIG, DEFAULT_SPACING_MS)));
    }

    static long quietMs(Map<String, Object> appConfigs) {
        return millis(appConfigs, QUIET_MS_CONFIG, DEFAULT_QUIET_MS);
    }

    private static long millis(Map<String, Object> appConfigs, String name, long otherwise) {
        Object configured = appConfigs.get(name);
        if (configured == null) {
            return otherwise;
        }
        long millis = Long.parseLong(configured.toString().trim());
        if (millis < 0) {
            throw new IllegalArgumentException(name + " must be 0 (off) or more, not " + millis);
        }
        return millis;
    }

    /**
     * Call for each record the processor handles, before it writes anything: decides whether the
     * record's output is to be committed at once (the thread was idle before it, or it is the last of
     * a small poll), and asks for output an earlier record of the poll left uncommitted.
     */
    public void recordProcessed() {
        recordProcessed(System.nanoTime());
    }

    void recordProcessed(long nowNanos) {
        if (quietNanos == 0) {
            return;
        }
        ThreadState thread = THREAD.get();
        RecordMetadata record = context.recordMetadata().orElse(null);
        if (record != null && thread.isCurrent(record)) {
            return; // the same record, in a processor further down its task
        }
        thread.setCurrent(record);
        boolean quietBefore = !thread.seenRecord || nowNanos - thread.lastRecordNanos >= quietNanos;
        thread.seenRecord = true;
        thread.lastRecordNanos = nowNanos;
        boolean caughtUp = thread.polls == 0 || thread.lastPollRecords <= CAUGHT_UP_RECORDS;
        boolean lastOfPoll = lastOfPoll(thread, record); // always: each record of a small poll is crossed off
        thread.commitAtOnce = caughtUp && (quietBefore || lastOfPoll);
        if (thread.commitAtOnce && thread.outputWaiting) {
            ask(thread);
        }
    }

    /** Call when the processor has written a record for another service to read, for the record it processes. */
    public void outputWritten() {
        if (quietNanos == 0) {
            return;
        }
        ThreadState thread = THREAD.get();
        if (thread.commitAtOnce) {
            ask(thread);
        } else {
            thread.outputWaiting = true;
        }
    }

    private void ask(ThreadState thread) {
        if (spacingNanos > 0 && !thread.mayAsk(thread.lastRecordNanos, spacingNanos)) {
            thread.outputWaiting = true; // over the thread's rate: a later record asks, or the timer commits
            return;
        }
        context.commit();
        thread.outputWaiting = false;
    }

    // Only a small poll's records are kept: under load (big polls) this costs nothing per record.
    private static boolean lastOfPoll(ThreadState thread, RecordMetadata record) {
        return !thread.unprocessed.isEmpty() && record != null
                && thread.unprocessed.remove(key(record.topic(), record.partition(), record.offset()))
                && thread.unprocessed.isEmpty();
    }

    private static String key(String topic, int partition, long offset) {
        return topic + "/" + partition + "/" + offset;
    }

    /** Counts the polls that returned records on the thread that polled: see {@link CommitWhenIdle}. */
    public static final class PollWatcher implements ConsumerInterceptor<Object, Object> {
        @Override
        public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
            ThreadState thread = THREAD.get();
            thread.polls++;
            thread.lastPollRecords = records.count();
            thread.unprocessed.clear();
            if (records.count() <= CAUGHT_UP_RECORDS) {
                records.forEach(record -> thread.unprocessed.add(key(record.topic(), record.partition(), record.offset())));
            }
            return records;
        }

        @Override
        public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        }

        @Override
        public void close() {
        }

        @Override
        public void configure(Map<String, ?> configs) {
        }
    }

    private static final class ThreadState {
        private boolean seenRecord;
        private long lastRecordNanos;
        private long polls;
        private int lastPollRecords;
        // The record being processed, kept as fields (no allocation per record), and whether its output
        // commits at once.
        private String currentTopic;
        private int currentPartition;
        private long currentOffset;
        private boolean commitAtOnce;
        // Output written by a record that did not ask: the next record that may ask does.
        private boolean outputWaiting;
        // The asks the thread may still make at once, in nanoseconds of spacing: a burst of
        // SPACING_BURST, earned back at one per spacing.
        private boolean budgetStarted;
        private long budgetNanos;
        private long budgetAtNanos;
        // The records of a small poll not yet processed: the last one asks again, in case the first
        // one's commit came before the rest were processed.
        private final Set<String> unprocessed = new HashSet<>();

        private boolean mayAsk(long nowNanos, long spacingNanos) {
            long full = SPACING_BURST * spacingNanos;
            budgetNanos = budgetStarted ? Math.min(full, budgetNanos + (nowNanos - budgetAtNanos)) : full;
            budgetStarted = true;
            budgetAtNanos = nowNanos;
            if (budgetNanos < spacingNanos) {
                return false;
            }
            budgetNanos -= spacingNanos;
            return true;
        }

        private boolean isCurrent(RecordMetadata record) {
            return record.offset() == currentOffset && record.partition() == currentPartition
                    && record.topic().equals(currentTopic);
        }

        private void setCurrent(RecordMetadata record) {
            currentTopic = record == null ? null : record.topic();
            currentPartition = record == null ? -1 : record.partition();
            currentOffset = record == null ? -1 : record.offset();
        }
    }
}
