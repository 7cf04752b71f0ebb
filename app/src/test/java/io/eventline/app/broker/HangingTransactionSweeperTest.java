package io.eventline.app.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class HangingTransactionSweeperTest {
    @TempDir
    Path dataDir;

    @Test
    @Timeout(90)
    void shouldLeaveALiveTransactionOpenWhenSweepingTwiceWhileItRuns() throws Exception {
        String topic = "sweeper-test.live";
        try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir, "127.0.0.1", 0);
             HangingTransactionSweeper sweeper = new HangingTransactionSweeper(broker.bootstrapServers())) {
            BrokerClients clients = new BrokerClients(broker);
            clients.createTopic(topic);
            try (KafkaProducer<String, String> producer = clients.transactionalProducer("sweeper-test-tx")) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(topic, "order-1", "placed")).get();

                assertThat(sweeper.sweep()).as("first look").isEmpty();
                assertThat(sweeper.sweep()).as("open at both looks, but its coordinator holds it open").isEmpty();
                producer.commitTransaction();
            }
            assertThat(clients.consume(topic, "read_committed", 1)).containsExactly("order-1=placed");
        }
    }
}
