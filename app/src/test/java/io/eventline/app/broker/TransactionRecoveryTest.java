package io.eventline.app.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.requests.TransactionResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the sweeper relies on to close a hanging transaction with its logged outcome, on a real node. */
@Tag("integration")
class TransactionRecoveryTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @Test
    @Timeout(90)
    void shouldReadEachOutcomeWhenCoordinatorsLoggedACommitAndAnAbort() throws Exception {
        String topic = "recovery-test.outcomes";
        TopicPartition partition = new TopicPartition(topic, 0);
        try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir, "127.0.0.1", 0)) {
            BrokerClients clients = new BrokerClients(broker);
            clients.createTopic(topic);
            clients.commitInTransaction(topic, "recovery-test-committer", "order-1", "placed");
            clients.abortInTransaction(topic, "recovery-test-aborter", "order-2", "placed");
            long committer = producerIdOf(clients, "recovery-test-committer");
            long aborter = producerIdOf(clients, "recovery-test-aborter");

            List<PreparedTransaction> logged = new TransactionStateLog(broker.bootstrapServers())
                    .preparedBy(Set.of(committer, aborter), TIMEOUT);

            assertThat(logged).filteredOn(p -> p.producerId() == committer)
                    .singleElement().satisfies(p -> {
                        assertThat(p.result()).isEqualTo(TransactionResult.COMMIT);
                        assertThat(p.partitions()).contains(partition);
                    });
            assertThat(logged).filteredOn(p -> p.producerId() == aborter)
                    .singleElement().satisfies(p -> assertThat(p.result()).isEqualTo(TransactionResult.ABORT));
        }
    }

    @Test
    @Timeout(90)
    void shouldLetReadCommittedReadersSeeAnOpenTransactionWhenItsCommitMarkerIsWritten() throws Exception {
        String topic = "recovery-test.markers";
        TopicPartition partition = new TopicPartition(topic, 0);
        try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir, "127.0.0.1", 0)) {
            BrokerClients clients = new BrokerClients(broker);
            clients.createTopic(topic);
            try (KafkaProducer<String, String> producer = clients.transactionalProducer("recovery-test-open")) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(topic, "order-1", "placed")).get();
                OpenTransaction open = openIn(clients, partition);

                new TransactionMarkerWriter(broker.bootstrapServers()).write(open, TransactionResult.COMMIT, TIMEOUT);

                assertThat(clients.consume(topic, "read_committed", 1)).containsExactly("order-1=placed");
            }
        }
    }

    private static long producerIdOf(BrokerClients clients, String transactionalId) throws Exception {
        try (Admin admin = clients.admin()) {
            return admin.describeTransactions(List.of(transactionalId)).description(transactionalId)
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).producerId();
        }
    }

    private static OpenTransaction openIn(BrokerClients clients, TopicPartition partition) throws Exception {
        try (Admin admin = clients.admin()) {
            ProducerState producer = admin.describeProducers(List.of(partition)).partitionResult(partition)
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).activeProducers().getFirst();
            return new OpenTransaction(partition, producer.producerId(), (short) producer.producerEpoch(),
                    producer.currentTransactionStartOffset().orElseThrow(), producer.coordinatorEpoch().orElse(0));
        }
    }
}
