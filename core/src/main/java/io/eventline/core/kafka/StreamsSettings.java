package io.eventline.core.kafka;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;

/**
 * The Kafka Streams settings every Eventline service runs with: exactly-once v2 (a command's events,
 * reply and state change commit together or not at all), explicit names for every internal topic and
 * store, state on disk under the service's own directory, and a dead-letter topic per application.
 */
public final class StreamsSettings {
    /** The commit interval unless the client settings name one: see {@link #exactlyOnce}. */
    public static final int DEFAULT_COMMIT_INTERVAL_MS = 100;
    /**
     * The commit interval (ms, in the client settings) of the applications no saga waits for, when
     * longer than the commit interval: see {@link #offThePath}; {@value #DEFAULT_OFF_PATH_COMMIT_INTERVAL_MS}
     * by default.
     */
    public static final String OFF_PATH_COMMIT_INTERVAL_MS_CONFIG = "eventline.off.path.commit.interval.ms";
    public static final int DEFAULT_OFF_PATH_COMMIT_INTERVAL_MS = 300;
    /** How long a stream thread's producer waits before retrying a transactional request: see {@link #exactlyOnce}. */
    public static final int TRANSACTION_RETRY_BACKOFF_MS = 10;
    /** The stream threads' producers' {@code batch.size} unless the client settings name one: see {@link #exactlyOnce}. */
    public static final int PRODUCER_BATCH_BYTES = 128 * 1024;
    /** {@code max.task.idle.ms} of a service's application: see {@link #forServices}. */
    static final long NO_TASK_IDLING = -1;
    // eventline-orders → orders; eventline-projection-orders-view-v2 → orders-view (versions share one).
    private static final Pattern APPLICATION = Pattern.compile("(?:eventline-)?(?:projection-(.+)-v\\d+|(.+))");

    private StreamsSettings() {
    }

    /**
     * @param clientSettings bootstrap servers and security settings; they win over nothing here but
     *     the commit interval, and are applied first so that a service cannot silently drop them
     */
    public static Properties exactlyOnce(String applicationId, Map<String, Object> clientSettings, Path stateDir,
                                         String instanceId) {
        Properties props = exactlyOnce(applicationId, clientSettings, stateDir);
        // Static membership: a process that restarts (even after SIGKILL) under the same id takes its
        // partitions straight back, instead of waiting out the dead member's session (45 s).
        // Streams appends each thread's index to it.
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
                applicationId + "-" + instanceId);
        return props;
    }

    public static Properties exactlyOnce(String applicationId, Map<String, Object> clientSettings, Path stateDir) {
        Properties props = new Properties();
        props.putAll(clientSettings);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        // Under EOS a reader sees a record once its transaction commits: this interval is the floor
        // of every hop's latency (KAFKA-NOTES: 73 ms p50 at 100 ms). The client settings may choose
        // another (--kafka-config): fewer hops' worth of waiting against more, smaller transactions,
        // the trade-off docs/performance.md measures.
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                clientSettings.getOrDefault(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, DEFAULT_COMMIT_INTERVAL_MS));
        // Transactional state stores (KIP-892) stay off unless --kafka-config turns them on
        // (enable.transactional.statestores=true): on Kafka 4.4.0 they do not spare the restore they
        // exist for. At start, Streams opens the stores left on disk through a state manager that
        // ProcessorStateManager.createStartupTaskStateManager builds with transactional stores off
        // whatever the setting, finds no checkpoint, and wipes them as before (README, RestartBench).
        props.put(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG,
                clientSettings.getOrDefault(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, false));
        // A commit right after another (a record committed at once by CommitWhenIdle, then Streams'
        // timed commit moving the offsets past the first one's transaction marker) sends its offsets
        // while the coordinator still completes the first: CONCURRENT_TRANSACTIONS, and the producer's
        // sender thread sleeps retry.backoff.ms (100 ms by default) before trying again, the stream
        // thread blocked in commitTransaction all along. The marker takes a few ms: at rest, a chain
        // of hops through one thread waited 100 ms at about one hop in ten (docs/performance.md).
        // Transactional requests retry at this fixed pace (100 a second per producer to a coordinator that moved,
        // against 10 before: cheap); produce and metadata retries back off exponentially from it.
        producerDefault(props, clientSettings, ProducerConfig.RETRY_BACKOFF_MS_CONFIG, TRANSACTION_RETRY_BACKOFF_MS);
        // A stream thread's producer holds what it writes to a partition until the commit flushes it, or
        // until its batch is full: Kafka's 16 KB filled within a commit interval from a few hundred
        // orders a second on (a snapshot's changelog, an event topic), and each full batch went out as a
        // request of its own, in a queue of at most five in flight to the broker, which the commit's flush
        // then waited behind. 128 KB: at 300-400 orders/s the p50 and p99 of an order came out a third to
        // a half lower (docs/performance.md, "Batches of 128 KB").
        producerDefault(props, clientSettings, ProducerConfig.BATCH_SIZE_CONFIG, PRODUCER_BATCH_BYTES);
        // The main consumer tells the processors when a poll returned records: see CommitWhenIdle.
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG),
                interceptors(clientSettings.get(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG)));
        // A table read from a topic uses that topic as its changelog rather than writing a copy: an
        // aggregate's history store is such a table of its event topic (HistoryStore), and so is a
        // table of the customers topic. Only this optimization: the others would rename repartition
        // topics of running applications. The topology must be built with these properties.
        props.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, clientSettings.getOrDefault(
                StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.REUSE_KTABLE_SOURCE_TOPICS));
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // A record that cannot be deserialized, or whose processing throws, goes to the application's
        // dead-letter topic (KIP-1034, __streams.errors.* headers) in the task's transaction, and the
        // task goes on: one bad record must not stop a service, nor loop a replaced thread on it.
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, deadLetterTopic(applicationId));
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueProcessingExceptionHandler.class);
        return props;
    }

    // Sets a stream thread's producer setting to what the client settings name, for the producers
    // (producer.<name>) or for every client (<name>), else to Eventline's default.
    private static void producerDefault(Properties props, Map<String, Object> clientSettings, String name,
                                        Object eventlineDefault) {
        String forProducers = StreamsConfig.producerPrefix(name);
        props.put(forProducers, clientSettings.getOrDefault(forProducers,
                clientSettings.getOrDefault(name, eventlineDefault)));
    }

    // The client settings' interceptors, if any, then the one that counts polls for CommitWhenIdle.
    private static String interceptors(Object configured) {
        String watcher = CommitWhenIdle.PollWatcher.class.getName();
        String given = configured == null ? "" : configured.toString().trim();
        return given.isEmpty() ? watcher : given + "," + watcher;
    }

    /**
     * Settings for a service's application (its deciders, reactions, sagas, effects): a task processes
     * the records it has fetched without waiting for its other inputs ({@code max.task.idle.ms} -1),
     * unless the client settings name the setting.
     *
     * <p>Why: by default (0) Kafka Streams holds a task back while one of its input partitions has
     * records on the broker not yet fetched, to merge its inputs in timestamp order. A service's task
     * handles each record on its own (a command decided, an event reacted to, a saga's reply): the order
     * between two of its topics means nothing to it, and under load each hold added to a hop's wait. And
     * Kafka 4.4 formats a log line ({@code String.format}, logged or not) for every empty partition of a
     * task each time it asks whether the task may process: an eighth of the platform's allocation at
     * saturation (docs/performance.md). A read model keeps the default: one that merges several topics
     * then rebuilds them in the order it read them live.
     */
    public static Properties forServices(Properties props) {
        props.putIfAbsent(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, NO_TASK_IDLING); // exactlyOnce put the client settings in
        return props;
    }

    /**
     * Settings for an application on a saga's path (its deciders, reactions, sagas): no record cache
     * ({@code statestore.cache.max.bytes} 0), unless the client settings name it.
     *
     * <p>Why: at each commit Kafka Streams flushes each task's cache into its stores and changelogs and
     * then flushes the thread's producer, task after task: one blocking round trip to the brokers per
     * task with new data, several per commit, each a produce request, all of it while the thread holds
     * every record it wrote since its last commit back from the next step. Without the cache a store's
     * writes go to the producer as they are made, and the commit's first flush sends them all. What the
     * cache saved here was little: a saga's aggregates change once a step, each step in another commit
     * (as many changelog records of a snapshot as writes of it, in the bench's saga), and only the hot
     * keys of a saturated platform merged. A saga whose states ride in its target's snapshot entries
     * hands its state to the target's decider, which writes the two in one put
     * ({@code io.eventline.core.decider.Rider}): the cache is not what merges them. docs/performance.md,
     * "No record cache on the saga's path" and "One write of an entry a step".
     */
    public static Properties onThePath(Properties props) {
        props.putIfAbsent(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
        return props;
    }

    /**
     * Settings for an application that nothing on a saga's path waits for (a read model, which serves
     * its store before it commits; a side effect, analytics): it commits at the longer of the commit
     * interval and {@link #OFF_PATH_COMMIT_INTERVAL_MS_CONFIG}.
     *
     * <p>Why: under load the record cache merges the writes to one key between two commits into one
     * changelog record, and a read model's entry changes at each event of its aggregate: fewer changelog
     * records, in fewer transactions. Longer is not better: whatever such an application writes last
     * (and a benchmark that waits for all work to be done) waits up to the interval, and at 1 s that cost
     * more than the records saved (docs/performance.md, "the applications off the saga's path"). What it
     * writes for others to read is visible a commit later.
     *
     * <p>Nor does it commit output at once when its thread was idle ({@link CommitWhenIdle} off unless
     * the client settings name {@link CommitWhenIdle#QUIET_MS_CONFIG}): nothing waits for that output
     * (a notification, a mail's effect), and from a few orders a second on, most of its polls are small
     * enough to ask, so it committed about every 50 ms instead of every 300: a transaction each, with a
     * produce request per task, markers, offsets and the fetches they wake, where three brokers replicate
     * each of them (docs/performance.md, "What an order costs below saturation").
     */
    public static Properties offThePath(Properties props) {
        long interval = millis(props.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG), DEFAULT_COMMIT_INTERVAL_MS);
        long offPath = millis(props.get(OFF_PATH_COMMIT_INTERVAL_MS_CONFIG), DEFAULT_OFF_PATH_COMMIT_INTERVAL_MS);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Math.max(interval, offPath));
        props.putIfAbsent(CommitWhenIdle.QUIET_MS_CONFIG, "0");
        return props;
    }

    private static long millis(Object setting, long otherwise) {
        return setting == null ? otherwise : Long.parseLong(setting.toString().trim());
    }

    /**
     * The dead-letter topic of an application: {@code eventline-orders} → {@code orders.dlq}; every
     * version of a read model shares its model's, {@code eventline-projection-orders-view-v2} →
     * {@code orders-view.dlq}; any other id → {@code <id>.dlq}. Eventline's processors and Kafka
     * Streams' own handlers both write there; the topic must exist (the app creates them).
     */
    public static String deadLetterTopic(String applicationId) {
        return deadLetters(applicationId).name();
    }

    /** The dead-letter topic of an application ({@link #deadLetterTopic}), as a topic to create. */
    public static Topic deadLetters(String applicationId) {
        return Topic.deadLetters(service(applicationId) + ".dlq");
    }

    /**
     * What an application is part of ({@link #service(String)}), or {@code part} when a processor was
     * added for one service of several composed into the application ({@link Sources#part}).
     */
    public static String service(String part, String applicationId) {
        return part != null ? part : service(applicationId);
    }

    /**
     * What an application is part of, as its dead-letter topic and trace headers name it:
     * {@code eventline-orders} → {@code orders}, {@code eventline-projection-orders-view-v2} → {@code orders-view}.
     */
    public static String service(String applicationId) {
        Matcher matcher = APPLICATION.matcher(applicationId);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an application id: " + applicationId);
        }
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }
}
