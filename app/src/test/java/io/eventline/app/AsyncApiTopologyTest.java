package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.app.http.AsyncApiDocument;
import io.eventline.catalog.CatalogConnector;
import io.eventline.core.dlq.DeadLetterQueue;
import io.eventline.core.envelope.Json;
import io.eventline.core.kafka.Sources;
import io.eventline.core.kafka.StreamsSettings;
import io.eventline.core.kafka.Topic;
import io.eventline.core.projection.Projection;
import io.eventline.core.projection.ProjectionTopology;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/**
 * Who writes and reads each topic, as the AsyncAPI document says ({@code x-eventline-via: streams}),
 * against each service's and each read model's Kafka Streams topology, built for both saga styles: the
 * topics it reads, and those it writes, are the document's operations of that service. Kafka Connect's
 * ({@code x-eventline-via: connector}) against the catalog's connector configurations.
 */
class AsyncApiTopologyTest {
    /**
     * Where the sinks that take their topic from each record (a {@code TopicNameExtractor}, which
     * {@code Topology.describe()} cannot name) may write: a decider's reply goes to the aggregate's reply
     * topic or, for the aggregates the orchestrated saga drives, to the saga's; the saga's commands go to
     * the aggregates it drives. Every sink named {@code …-dlq} writes to its application's dead letters.
     */
    private static final Map<String, Set<String>> TOPIC_PER_RECORD = Map.of(
            "accounts-replies", Set.of("accounts.replies", "orders-saga.replies"),
            "inventory-replies", Set.of("inventory.replies", "orders-saga.replies"),
            "orders-replies", Set.of("orders.replies"),
            "shipments-replies", Set.of("shipments.replies", "orders-saga.replies"),
            "notifications-replies", Set.of("notifications.replies"),
            "orders-saga-commands", Set.of("accounts.commands", "inventory.commands", "shipments.commands"));

    private final JsonNode operations = AsyncApiDocument.written().path("operations");

    @Test
    void shouldReadAndWriteWhatEachServicesTopologyReadsAndWrites() {
        for (ServiceModule module : Modules.ALL) {
            Flows flows = new Flows(StreamsSettings.deadLetterTopic(ServiceStreams.applicationId(module.name())));
            for (EventlineConfig.Saga saga : EventlineConfig.Saga.values()) {
                flows.add(builder -> module.addTo(new Sources(builder), config(saga)));
            }
            check(module.name(), flows);
        }
    }

    @Test
    void shouldReadAndWriteWhatEachReadModelsTopologyReadsAndWrites() {
        for (ServiceModule module : Modules.ALL) {
            if (module instanceof AggregateModule<?, ?> aggregate) {
                Projection<?> view = aggregate.view();
                Flows flows = new Flows(StreamsSettings.deadLetterTopic(view.applicationId(1)));
                flows.add(builder -> ProjectionTopology.addTo(builder, view, 1));
                check(view.name(), flows);
            }
        }
    }

    @Test
    void shouldReadAndWriteWhatTheCatalogsConnectorsReadAndWrite() throws IOException {
        JsonNode sink = connector("/connect/reporting-sink.json");
        JsonNode source = connector("/connect/catalog-source.json");
        Set<String> reads = new TreeSet<>(List.of(sink.path("topics").asText().split(",")));
        // Debezium's topic: <topic.prefix>.<schema>.<table>
        Set<String> writes = new TreeSet<>(Set.of(sink.path("errors.deadletterqueue.topic.name").asText(),
                source.path("topic.prefix").asText() + "." + source.path("table.include.list").asText()));

        assertThat(documented("catalog-connect", "receive", "connector")).isEqualTo(reads);
        assertThat(documented("catalog-connect", "send", "connector")).isEqualTo(writes)
                .contains(CatalogConnector.CHANGES_TOPIC, CatalogConnector.SINK_DLQ_TOPIC);
    }

    @Test
    void shouldReadEveryDeadLetterTopicWhereTheDeadLetterQueueLooks() {
        // DeadLetterIndex reads every topic named *.dlq, and the replay marks.
        Set<String> read = PlatformTopics.all().stream().map(Topic::name)
                .filter(topic -> topic.endsWith(DeadLetterQueue.SUFFIX) || topic.equals(DeadLetterQueue.REPLAYED))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(documented("eventline", "receive", "consumer")).containsAll(read);
        assertThat(PlatformTopics.all()).filteredOn(topic -> topic.kind() == Topic.Kind.DEAD_LETTERS)
                .extracting(Topic::name).allMatch(read::contains, "named *.dlq");
    }

    private static JsonNode connector(String resource) throws IOException {
        try (InputStream in = Objects.requireNonNull(AsyncApiTopologyTest.class.getResourceAsStream(resource), resource)) {
            return Json.readTree(in.readAllBytes());
        }
    }

    private void check(String service, Flows topology) {
        assertThat(documented(service, "receive", "streams")).as(service + " reads").isEqualTo(topology.sources);
        assertThat(documented(service, "send", "streams")).as(service + " writes").isEqualTo(topology.sinks);
    }

    /** The topics the document says the service reads or writes one way ({@code x-eventline-via}). */
    private Set<String> documented(String service, String action, String way) {
        Set<String> topics = new TreeSet<>();
        operations.forEach(operation -> {
            boolean via = operation.path("x-eventline-via").valueStream().anyMatch(how -> how.asText().equals(way));
            if (via && operation.path("x-eventline-service").asText().equals(service)
                    && operation.path("action").asText().equals(action)) {
                topics.add(operation.at("/channel/$ref").asText().substring("#/channels/".length()));
            }
        });
        return topics;
    }

    private static EventlineConfig config(EventlineConfig.Saga saga) {
        return new EventlineConfig(new EventlineConfig.Http("127.0.0.1", 0, Optional.empty()),
                new EventlineConfig.Kafka(Optional.empty(), 0, Map.of()), Path.of("data"), saga,
                EventlineConfig.KNOWN_SERVICES);
    }

    /** The platform topics an application's topologies read and write; internal ones (repartition) left out. */
    private static final class Flows {
        final Set<String> sources = new TreeSet<>();
        final Set<String> sinks = new TreeSet<>();
        private final String deadLetters;

        /** Kafka Streams' own dead-letter handler writes to {@code deadLetters} whatever the topology. */
        Flows(String deadLetters) {
            this.deadLetters = deadLetters;
            sinks.add(deadLetters);
        }

        void add(Consumer<StreamsBuilder> topology) {
            StreamsBuilder builder = new StreamsBuilder();
            topology.accept(builder);
            TopologyDescription description = builder.build().describe();
            description.globalStores().forEach(store -> sources.addAll(store.source().topicSet()));
            for (TopologyDescription.Subtopology subtopology : description.subtopologies()) {
                for (TopologyDescription.Node node : subtopology.nodes()) {
                    if (node instanceof TopologyDescription.Source source) {
                        source.topicSet().stream().filter(topic -> !internal(topic)).forEach(sources::add);
                    } else if (node instanceof TopologyDescription.Sink sink) {
                        addSink(sink);
                    }
                }
            }
        }

        private void addSink(TopologyDescription.Sink sink) {
            if (sink.topic() != null) {
                if (!internal(sink.topic())) {
                    sinks.add(sink.topic());
                }
            } else if (sink.name().endsWith("-dlq")) {
                sinks.add(deadLetters);
            } else {
                assertThat(TOPIC_PER_RECORD).as("sink " + sink.name() + " chooses its topic per record: where may it write?")
                        .containsKey(sink.name());
                sinks.addAll(TOPIC_PER_RECORD.get(sink.name()));
            }
        }

        /** Kafka Streams names its own topics {@code <application id>-<name>-repartition} or {@code -changelog}. */
        private static boolean internal(String topic) {
            return topic.endsWith("-repartition") || topic.endsWith("-changelog");
        }
    }
}
