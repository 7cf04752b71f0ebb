package io.eventline.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;

/**
 * A diagnosis for a process that does not get ready after a restart: transactions left open in
 * partitions although their coordinator no longer has them open. Such a transaction holds the last
 * stable offset of its partitions, and so every read_committed consumer of them, for ever (what
 * {@code kafka-transactions.sh find-hanging} finds).
 */
final class HangingTransactions {
    private HangingTransactions() {
    }

    /**
     * One line per hanging transaction, with its partitions; "none" if there is none; the failure if the
     * broker cannot tell. A transaction counts only if it is open in the same partitions, from the same
     * offsets, before and after its coordinator is asked: one that merely ends in between does not.
     */
    static String describe(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            List<TopicPartition> partitions = partitions(admin);
            Map<String, String> before = openInPartitions(admin, partitions);
            Map<Long, TransactionListing> byProducer = new HashMap<>();
            admin.listTransactions().all().get(30, TimeUnit.SECONDS)
                    .forEach(listing -> byProducer.put(listing.producerId(), listing));
            Map<String, String> after = openInPartitions(admin, partitions);
            Map<String, List<String>> hanging = new TreeMap<>();
            after.forEach((partitionAndStart, producer) -> {
                long producerId = Long.parseLong(producer.split(" ")[0]);
                if (producer.equals(before.get(partitionAndStart)) && !isOpen(byProducer.get(producerId))) {
                    hanging.computeIfAbsent("producer " + producer + " (" + describe(byProducer.get(producerId)) + ")",
                            k -> new ArrayList<>()).add(partitionAndStart);
                }
            });
            return hanging.isEmpty() ? "none" : String.join("\n", hanging.entrySet().stream()
                    .map(e -> e.getKey() + " open in " + e.getValue().size() + " partitions: " + e.getValue())
                    .toList());
        } catch (Exception e) {
            return "cannot tell: " + e;
        }
    }

    /** "partition from offset N" to "producerId epoch E", for every transaction open in a partition. */
    private static Map<String, String> openInPartitions(Admin admin, List<TopicPartition> partitions)
            throws Exception {
        Map<String, String> open = new HashMap<>();
        admin.describeProducers(partitions).all().get(30, TimeUnit.SECONDS).forEach((partition, state) ->
                state.activeProducers().stream().filter(p -> p.currentTransactionStartOffset().isPresent())
                        .forEach(p -> open.put(partition + " from offset "
                                + p.currentTransactionStartOffset().getAsLong(), p.producerId() + " epoch "
                                + p.producerEpoch())));
        return open;
    }

    private static List<TopicPartition> partitions(Admin admin) throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        var topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(30, TimeUnit.SECONDS);
        admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values().forEach(topic ->
                topic.partitions().forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition()))));
        return partitions;
    }

    private static boolean isOpen(TransactionListing listing) {
        return listing != null && (listing.state() == TransactionState.ONGOING
                || listing.state() == TransactionState.PREPARE_COMMIT
                || listing.state() == TransactionState.PREPARE_ABORT);
    }

    private static String describe(TransactionListing listing) {
        return listing == null ? "no transactional id"
                : listing.transactionalId() + ", coordinator says " + listing.state();
    }
}
