package io.eventline.app.broker;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class EmbeddedBrokerTest {

    private static final String HOST = "127.0.0.1";

    @TempDir
    Path dataDir;

    @Test
    @Timeout(60)
    void shouldProduceAndConsumeWhenStarted() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir, HOST, 0)) {
            BrokerClients clients = new BrokerClients(broker);
            clients.createTopic("broker-test.round-trip");
            clients.produce("broker-test.round-trip", "order-1", "placed");

            assertThat(clients.consume("broker-test.round-trip", "read_uncommitted", 1)).containsExactly("order-1=placed");
            assertThat(broker.topicDefaults()).isEqualTo("replication 1, min.insync.replicas 1");
        }
    }

    @Test
    @Timeout(120)
    void shouldRestartOnceCleanlyAfterACrashAndNotAfterACleanStop() throws Exception {
        TopicPartition partition = new TopicPartition("broker-test.crash", 0);
        try (EmbeddedBroker first = EmbeddedBroker.start(dataDir, HOST, 0)) {
            BrokerClients clients = new BrokerClients(first);
            clients.createTopic(partition.topic());
            clients.commitOffset("broker-test-group", partition, 7);
            assertThat(first.restartedAfterCrash()).isFalse(); // a new data dir
        }
        Path logDir = dataDir.resolve("kafka").resolve("logs");
        assertThat(EmbeddedBroker.stoppedUncleanly(logDir)).isFalse();
        try (EmbeddedBroker cleanlyStopped = EmbeddedBroker.start(dataDir, HOST, 0)) {
            assertThat(cleanlyStopped.restartedAfterCrash()).isFalse();
        }
        // What a SIGKILL leaves: the data, without the marker of a clean stop.
        java.nio.file.Files.delete(logDir.resolve(EmbeddedBroker.CLEAN_SHUTDOWN_MARKER));
        assertThat(EmbeddedBroker.stoppedUncleanly(logDir)).isTrue();
        try (EmbeddedBroker afterCrash = EmbeddedBroker.start(dataDir, HOST, 0)) {
            assertThat(afterCrash.restartedAfterCrash()).isTrue();
            try (Admin admin = new BrokerClients(afterCrash).admin()) {
                assertThat(admin.listConsumerGroupOffsets("broker-test-group").partitionsToOffsetAndMetadata().get())
                        .containsEntry(partition, new OffsetAndMetadata(7));
            }
        }
        assertThat(EmbeddedBroker.stoppedUncleanly(logDir)).isFalse();
    }

    @Test
    @Timeout(120)
    void shouldResumeWithTopicsRecordsOffsetsAndClusterIdWhenRestartedOnTheSameDataDir() throws Exception {
        String topic = "broker-test.restart";
        TopicPartition partition = new TopicPartition(topic, 0);
        String clusterId;
        int controllerPort;
        try (EmbeddedBroker first = EmbeddedBroker.start(dataDir, HOST, 0)) {
            BrokerClients clients = new BrokerClients(first);
            clients.createTopic(topic);
            clients.produce(topic, "order-1", "placed");
            clients.commitOffset("broker-test-group", partition, 1);
            clients.commitInTransaction(topic, "broker-test-restart-tx", "order-2", "shipped");
            clusterId = first.clusterId();
            controllerPort = first.controllerPort();
        }

        try (EmbeddedBroker second = EmbeddedBroker.start(dataDir, HOST, 0)) {
            BrokerClients clients = new BrokerClients(second);
            assertThat(second.clusterId()).isEqualTo(clusterId);
            assertThat(second.controllerPort()).isNotEqualTo(controllerPort);
            try (Admin admin = clients.admin()) {
                assertThat(admin.listTopics().names().get()).contains(topic);
                assertThat(admin.listConsumerGroupOffsets("broker-test-group").partitionsToOffsetAndMetadata().get())
                        .containsEntry(partition, new OffsetAndMetadata(1));
            }
            // Streams re-initialises its transactional producers on every start: this must work.
            clients.commitInTransaction(topic, "broker-test-restart-tx", "order-3", "delivered");
            assertThat(clients.consume(topic, "read_committed", 3))
                    .containsExactly("order-1=placed", "order-2=shipped", "order-3=delivered");
        }
    }

    @Test
    @Timeout(30)
    void shouldFailFastNamingThePortWhenItIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName(HOST))) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> EmbeddedBroker.start(dataDir, HOST, port))
                    .isInstanceOf(BrokerStartException.class)
                    .hasMessage("cannot start the embedded Kafka broker: port " + port + " on " + HOST
                            + " is taken; pass --broker-port or stop what uses it");
        }
    }

    @Test
    @Timeout(60)
    void shouldStopKafkasThreadsWhenKafkaItselfFindsThePortTaken() throws Exception {
        Set<Thread> before = liveNonDaemonThreads();
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName(HOST))) {
            int port = taken.getLocalPort();
            BrokerSettings settings = new BrokerSettings(dataDir.resolve("logs"), HOST, port, Quorum.single(Ports.pickFree(HOST)), Map.of());

            assertThatThrownBy(() -> EmbeddedBroker.launch(settings, Uuid.randomUuid().toString()))
                    .isInstanceOf(BrokerStartException.class)
                    .hasMessageContaining(HOST + ":" + port)
                    .hasMessageContaining("A port is taken");
        }
        // Left running, the controller's non-daemon threads would keep the JVM alive for ever.
        await().atMost(ofSeconds(5)).pollInSameThread().untilAsserted(() -> assertThat(newNames(before)).isEmpty());
        try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir, HOST, 0)) {
            new BrokerClients(broker).createTopic("broker-test.after-failure");
        }
    }

    @Test
    @Timeout(60)
    void shouldRefuseASecondBrokerAndKeepTheFirstWhenTheDataDirIsInUse() throws Exception {
        try (EmbeddedBroker first = EmbeddedBroker.start(dataDir, HOST, 0)) {
            assertThatThrownBy(() -> EmbeddedBroker.start(dataDir, HOST, 0))
                    .isInstanceOf(BrokerStartException.class)
                    .hasMessageContaining("is in use by another broker");

            new BrokerClients(first).createTopic("broker-test.still-serving");
        }
        try (EmbeddedBroker again = EmbeddedBroker.start(dataDir, HOST, 0)) {
            assertThat(again.bootstrapServers()).isNotBlank();
        }
    }

    @Test
    @Timeout(60)
    void shouldHideAbortedTransactionsWhenReadCommitted() throws Exception {
        String topic = "broker-test.transactions";
        try (EmbeddedBroker broker = EmbeddedBroker.start(dataDir, HOST, 0)) {
            BrokerClients clients = new BrokerClients(broker);
            clients.createTopic(topic);
            clients.abortInTransaction(topic, "broker-test-tx", "order-1", "aborted");
            clients.commitInTransaction(topic, "broker-test-tx", "order-1", "committed");

            // The aborted record comes first in the log: had it been visible, it would be read first.
            assertThat(clients.consume(topic, "read_committed", 1)).containsExactly("order-1=committed");
        }
    }

    @Test
    void shouldSetOnlyPropertiesKafkaKnows() {
        Set<String> known = KafkaConfig.configDef().names();
        BrokerSettings settings = new BrokerSettings(dataDir, HOST, 9092, Quorum.single(9093), Map.of());

        assertThat(settings.toProperties().stringPropertyNames()).isSubsetOf(known);
    }

    private static Set<Thread> liveNonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !thread.isDaemon())
                .collect(Collectors.toSet());
    }

    private static List<String> newNames(Set<Thread> before) {
        return liveNonDaemonThreads().stream().filter(thread -> !before.contains(thread)).map(Thread::getName).toList();
    }
}
