package io.eventline.app.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Three nodes of one KRaft cluster, as {@code ./eventline broker --node-id N --controllers …} runs them. */
@Tag("integration")
class ClusterNodesTest {
    @TempDir
    Path dataDir;

    @Test
    @Timeout(120)
    void shouldFormOneClusterThatReplicatesThreeWaysWhenThreeNodesStartTogether() throws Exception {
        List<Integer> controllerPorts = IntStream.range(0, 3).mapToObj(i -> Ports.pickFree("127.0.0.1")).toList();
        String controllers = "1@127.0.0.1:" + controllerPorts.get(0) + ",2@127.0.0.1:" + controllerPorts.get(1)
                + ",3@127.0.0.1:" + controllerPorts.get(2);
        // Each node is ready only once a majority is up: they start together, as separate processes would.
        List<CompletableFuture<EmbeddedBroker>> starting = IntStream.rangeClosed(1, 3).mapToObj(node ->
                CompletableFuture.supplyAsync(() -> EmbeddedBroker.start(dataDir.resolve("node-" + node), "127.0.0.1", 0,
                        Quorum.parse(node, controllers), Map.of()))).toList();
        List<EmbeddedBroker> nodes = starting.stream().map(CompletableFuture::join).toList();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", nodes.get(0).bootstrapServers()))) {
            assertThat(nodes).extracting(EmbeddedBroker::clusterId).containsOnly(nodes.get(0).clusterId());
            assertThat(nodes).extracting(EmbeddedBroker::topicDefaults)
                    .containsOnly("replication 3, min.insync.replicas 2");
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(3);

            admin.createTopics(List.of(new NewTopic("cluster-test.events", Optional.of(3), Optional.empty())))
                    .all().get(30, TimeUnit.SECONDS);
            // Created once the quorum has it; the node asked may learn of it a moment later.
            TopicDescription topic = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> admin.describeTopics(List.of("cluster-test.events")).allTopicNames()
                            .get(30, TimeUnit.SECONDS).get("cluster-test.events"), description -> description != null);
            assertThat(topic.partitions()).allSatisfy(partition -> assertThat(partition.replicas()).hasSize(3));
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "cluster-test.events");
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                    assertThat(admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource)
                            .get("min.insync.replicas").value()).isEqualTo("2"));

            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    "bootstrap.servers", nodes.get(2).bootstrapServers(), "acks", "all"),
                    new StringSerializer(), new StringSerializer())) {
                assertThat(producer.send(new ProducerRecord<>("cluster-test.events", "order-1", "placed"))
                        .get(30, TimeUnit.SECONDS).offset()).isZero();
            }
        } finally {
            // Together, too: the last node alone has no quorum to shut down in a controlled way
            // and waits about two minutes before giving up.
            nodes.stream().map(node -> CompletableFuture.runAsync(node::close)).toList()
                    .forEach(CompletableFuture::join);
        }
    }
}
