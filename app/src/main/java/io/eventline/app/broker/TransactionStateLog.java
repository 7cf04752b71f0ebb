package io.eventline.app.broker;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.requests.TransactionResult;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.coordinator.transaction.TransactionLog;
import org.apache.kafka.coordinator.transaction.TransactionMetadata;
import org.apache.kafka.coordinator.transaction.TransactionState;

/**
 * Reads the transaction coordinators' own log, {@code __transaction_state}, with the coordinator's
 * codec: the only record of what was decided for a transaction whose markers were lost.
 */
final class TransactionStateLog {
    static final String TOPIC = "__transaction_state";

    private final String bootstrapServers;

    TransactionStateLog(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** The Prepare records of these producers, in log order within each coordinator's partition. */
    List<PreparedTransaction> preparedBy(Set<Long> producerIds, Duration timeout) throws TimeoutException {
        List<PreparedTransaction> prepared = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, timeout).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            Instant deadline = Instant.now().plus(timeout);
            while (!readTo(consumer, ends)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new TimeoutException("Could not read " + TOPIC + " to its end within " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    decode(record).filter(p -> producerIds.contains(p.producerId())).ifPresent(prepared::add);
                }
            }
        }
        return prepared;
    }

    private static boolean readTo(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private static Optional<PreparedTransaction> decode(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null || record.value() == null) {
            return Optional.empty();
        }
        if (!(TransactionLog.read(ByteBuffer.wrap(record.key()), ByteBuffer.wrap(record.value()))
                instanceof TransactionLog.TxnRecord txn)) {
            return Optional.empty();
        }
        TransactionMetadata metadata = txn.metadata();
        TransactionState state = metadata.state();
        if (state != TransactionState.PREPARE_COMMIT && state != TransactionState.PREPARE_ABORT) {
            return Optional.empty();
        }
        TransactionResult result = state == TransactionState.PREPARE_COMMIT ? TransactionResult.COMMIT
                : TransactionResult.ABORT;
        return Optional.of(new PreparedTransaction(metadata.producerId(), metadata.producerEpoch(), result,
                Set.copyOf(metadata.topicPartitions())));
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "eventline-transaction-state-reader",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
