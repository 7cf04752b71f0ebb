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
 * Either way the transaction ends the same in every partition, and exactly-once holds.
 */
final class HangingTransactionSweeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HangingTransactionSweeper.class);
    private static final long TIMEOUT_SECONDS = 30;

    private final Admin admin;
    private final TransactionStateLog coordinatorLog;
    private final TransactionMarkerWriter markers;
    private final ScheduledExecutorService scheduler;
    private Set<OpenTransaction> previousLook = Set.of();

    HangingTransactionSweeper(String bootstrapServers) {
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

    static HangingTransactionSweeper start(String bootstrapServers, Duration interval) {
        HangingTransactionSweeper sweeper = new HangingTransactionSweeper(bootstrapServers);
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
            List<PreparedTransaction> logged = coordinatorLog.preparedBy(suspects, Duration.ofSeconds(TIMEOUT_SECONDS));
            for (OpenTransaction open : hanging) {
                closed.put(open, close(open, LoggedOutcome.of(open, logged).orElse(TransactionResult.ABORT)));
            }
        }
        now.removeAll(hanging);
        previousLook = now;
        return closed;
    }

    private TransactionResult close(OpenTransaction open, TransactionResult outcome) throws Exception {
        LOG.warn("Closing a hanging transaction in {} with the outcome its coordinator logged, {}: the coordinator "
                + "has finished with it and no marker will come, so until closed it blocks every read_committed "
                + "reader of that partition", open, outcome);
        switch (outcome) {
            case COMMIT -> markers.write(open, outcome, Duration.ofSeconds(TIMEOUT_SECONDS));
            case ABORT -> admin.abortTransaction(new AbortTransactionSpec(open.partition(), open.producerId(),
                    open.producerEpoch(), open.coordinatorEpoch())).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        return outcome;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close(Duration.ofSeconds(5));
    }

    // A failed look is retried at the next one: the broker may be busy starting or stopping.
    private void sweepQuietly() {
        try {
            sweep();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("Looking for hanging transactions failed; trying again at the next look", e);
        }
    }

    private Set<OpenTransaction> openTransactions() throws Exception {
        Set<OpenTransaction> open = new HashSet<>();
        admin.describeProducers(partitions()).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).forEach((partition, state) ->
                state.activeProducers().stream().filter(p -> p.currentTransactionStartOffset().isPresent())
                        .forEach(p -> open.add(new OpenTransaction(partition, p.producerId(), (short) p.producerEpoch(),
                                p.currentTransactionStartOffset().getAsLong(), p.coordinatorEpoch().orElse(0)))));
        return open;
    }

    private List<TopicPartition> partitions() throws Exception {
        Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(topics).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).values().forEach(topic ->
                topic.partitions().forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition()))));
        return partitions;
    }

    private Map<Long, TransactionDescription> coordinatorView(Set<Long> producerIds) throws Exception {
        List<String> transactionalIds = admin.listTransactions(new ListTransactionsOptions().filterProducerIds(producerIds))
                .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream().map(TransactionListing::transactionalId).toList();
        Map<Long, TransactionDescription> byProducer = new HashMap<>();
        if (!transactionalIds.isEmpty()) {
            admin.describeTransactions(transactionalIds).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .values().forEach(description -> byProducer.put(description.producerId(), description));
        }
        return byProducer;
    }
}
