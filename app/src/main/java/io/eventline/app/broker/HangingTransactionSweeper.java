package io.eventline.app.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.requests.TransactionResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the {@link HangingTransactions hanging transactions} of the embedded broker, looking every
 * {@code interval}: a transaction is closed once it has hung for a whole interval, so a platform
 * restarted after a kill resumes within two intervals instead of never.
 *
 * <p>Each hanging partition gets the {@link LoggedOutcome outcome its coordinator logged}: a commit
 * marker where the transaction was committed, for its other partitions (the consumer offsets' among
 * them) may have had theirs, so aborting would undo part of a committed transaction; an abort where
 * it was aborted or never prepared, as Kafka's own tool does ({@code kafka-transactions.sh abort}).
 * Either way the transaction ends the same in every partition, and exactly-once holds. With {@link
 * HangingTransactionPolicy#REPORT} it only logs them. It counts what it found, closed and failed to do
 * (for the metrics); a look that fails is logged at WARN and made again at the next one.
 *
 * <p>Still needed on Kafka 4.4.0: {@code CrashTest}'s reproduction (soak) sees such a transaction,
 * logged COMMIT, stay open in {@code __consumer_offsets} and changelogs for minutes, and a restart
 * stall on it, when the sweeper only reports.
 */
final class HangingTransactionSweeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HangingTransactionSweeper.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;
    private final TransactionStateLog coordinatorLog;
    private final TransactionMarkerWriter markers;
    private final ScheduledExecutorService scheduler;
    private final HangingTransactionPolicy policy;
    private final Duration timeout;
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong aborted = new AtomicLong();
    private final AtomicLong reported = new AtomicLong();
    private final AtomicLong failedLooks = new AtomicLong();
    private Set<OpenTransaction> previousLook = Set.of();

    HangingTransactionSweeper(String bootstrapServers, HangingTransactionPolicy policy) {
        this(bootstrapServers, policy, TIMEOUT);
    }

    /** @param timeout how long each request of a look may take */
    HangingTransactionSweeper(String bootstrapServers, HangingTransactionPolicy policy, Duration timeout) {
        this.policy = policy;
        this.timeout = timeout;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "eventline-hanging-transaction-sweeper"));
        this.coordinatorLog = new TransactionStateLog(bootstrapServers);
        this.markers = new TransactionMarkerWriter(bootstrapServers);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "eventline-hanging-transaction-sweeper");
            thread.setDaemon(true);
            return thread;
        });
    }

    static HangingTransactionSweeper start(String bootstrapServers, Duration interval,
                                           HangingTransactionPolicy policy) {
        return start(new HangingTransactionSweeper(bootstrapServers, policy), interval);
    }

    static HangingTransactionSweeper start(HangingTransactionSweeper sweeper, Duration interval) {
        sweeper.scheduler.scheduleWithFixedDelay(sweeper::sweepQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return sweeper;
    }

    /** Looks once, and closes what hung since the previous look; returns what it closed, and how. */
    synchronized Map<OpenTransaction, TransactionResult> sweep() throws Exception {
        Set<OpenTransaction> now = openTransactions();
        Set<Long> suspects = new HashSet<>();
        now.stream().filter(previousLook::contains).forEach(open -> suspects.add(open.producerId()));
        List<OpenTransaction> hanging = suspects.isEmpty() ? List.of()
                : HangingTransactions.among(previousLook, now, coordinatorView(suspects));
        Map<OpenTransaction, TransactionResult> closed = new HashMap<>();
        if (!hanging.isEmpty()) {
            List<PreparedTransaction> logged = coordinatorLog.preparedBy(suspects, timeout);
            for (OpenTransaction open : hanging) {
                closed.put(open, close(open, LoggedOutcome.of(open, logged).orElse(TransactionResult.ABORT)));
            }
        }
        now.removeAll(hanging);
        previousLook = now;
        return closed;
    }

    private TransactionResult close(OpenTransaction open, TransactionResult outcome) throws Exception {
        if (policy == HangingTransactionPolicy.REPORT) {
            reported.incrementAndGet();
            LOG.warn("Hanging transaction in {}, its coordinator logged {}: left open (--hanging-transactions "
                    + "report), it blocks every read_committed reader of that partition until closed", open, outcome);
            return outcome;
        }
        LOG.warn("Closing a hanging transaction in {} with the outcome its coordinator logged, {}: the coordinator "
                + "has finished with it and no marker will come, so until closed it blocks every read_committed "
                + "reader of that partition", open, outcome);
        switch (outcome) {
            case COMMIT -> markers.write(open, outcome, timeout);
            case ABORT -> admin.abortTransaction(new AbortTransactionSpec(open.partition(), open.producerId(),
                    open.producerEpoch(), open.coordinatorEpoch())).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        (outcome == TransactionResult.COMMIT ? committed : aborted).incrementAndGet();
        return outcome;
    }

    /** What this sweeper did since it started, for the metrics. */
    SweeperCounts counts() {
        return new SweeperCounts(committed.get(), aborted.get(), reported.get(), failedLooks.get());
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close(Duration.ofSeconds(5));
    }

    // A failed look is made again at the next one: the broker may be busy starting or stopping.
    private void sweepQuietly() {
        try {
            sweep();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failedLooks.incrementAndGet();
            LOG.warn("Looking for hanging transactions failed ({}); trying again at the next look", e.toString());
        }
    }

    private Set<OpenTransaction> openTransactions() throws Exception {
        Set<OpenTransaction> open = new HashSet<>();
        admin.describeProducers(partitions()).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS).forEach((partition, state) ->
                state.activeProducers().stream().filter(p -> p.currentTransactionStartOffset().isPresent())
                        .forEach(p -> open.add(new OpenTransaction(partition, p.producerId(), (short) p.producerEpoch(),
                                p.currentTransactionStartOffset().getAsLong(), p.coordinatorEpoch().orElse(0)))));
        return open;
    }

    private List<TopicPartition> partitions() throws Exception {
        Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(topics).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS).values().forEach(topic ->
                topic.partitions().forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition()))));
        return partitions;
    }

    private Map<Long, TransactionDescription> coordinatorView(Set<Long> producerIds) throws Exception {
        List<String> transactionalIds = admin.listTransactions(new ListTransactionsOptions().filterProducerIds(producerIds))
                .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS).stream().map(TransactionListing::transactionalId).toList();
        Map<Long, TransactionDescription> byProducer = new HashMap<>();
        if (!transactionalIds.isEmpty()) {
            admin.describeTransactions(transactionalIds).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .values().forEach(description -> byProducer.put(description.producerId(), description));
        }
        return byProducer;
    }
}
