package io.eventline.app.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
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
             HangingTransactionSweeper sweeper = new HangingTransactionSweeper(broker.bootstrapServers(),
                     HangingTransactionPolicy.CLOSE)) {
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

    /** Nothing listens on port 1: every look fails, is counted, and is made again. */
    @Test
    @Timeout(30)
    void shouldCountEveryFailedLookAndLookAgainWhenTheBrokerDoesNotAnswer() {
        try (HangingTransactionSweeper sweeper = HangingTransactionSweeper.start(new HangingTransactionSweeper(
                "127.0.0.1:1", HangingTransactionPolicy.CLOSE, Duration.ofMillis(300)), Duration.ofMillis(50))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> sweeper.counts().failedLooks() >= 2);

            assertThat(sweeper.counts()).extracting(SweeperCounts::committed, SweeperCounts::aborted,
                    SweeperCounts::reported).containsExactly(0L, 0L, 0L);
        }
    }

    @Test
    void shouldTakeTheHangingTransactionPolicyWhenParsingTheOption() {
        assertThat(HangingTransactionPolicy.parse("close")).isEqualTo(HangingTransactionPolicy.CLOSE);
        assertThat(HangingTransactionPolicy.parse(" Report ")).isEqualTo(HangingTransactionPolicy.REPORT);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> HangingTransactionPolicy.parse("abort"))
                .withMessage("--hanging-transactions: close or report, was 'abort'");
    }
}
