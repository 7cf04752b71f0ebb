package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventline.core.kafka.Sources;
import io.eventline.core.kafka.StreamsSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.errors.TopologyException;
import org.junit.jupiter.api.Test;

/**
 * The services' topologies compose into one Kafka Streams application ({@link ServiceComposition}):
 * it builds, reads each topic through one source, and reads, writes and keeps exactly what the
 * services' separate applications together read, write and keep, in both saga styles. The customers
 * service cannot join them (its table and the others' global copy of {@code customers} are two reads
 * of one topic).
 */
class OneApplicationTopologyTest {
    private static final List<ServiceModule> COMPOSABLE = Modules.ALL.stream()
            .filter(module -> !module.name().equals("customers")).toList();

    @Test
    void shouldComposeEveryServiceButCustomersIntoOneApplicationThatDoesWhatTheirsDid() {
        for (EventlineConfig.Saga saga : EventlineConfig.Saga.values()) {
            Flows composed = Flows.of(describe(COMPOSABLE, saga));
            Flows separate = new Flows();
            COMPOSABLE.forEach(module -> separate.add(Flows.of(describe(List.of(module), saga))));

            assertThat(composed.sourcesPerTopic).as(saga + ": sources per topic")
                    .allSatisfy((topic, sources) -> assertThat(sources).as(topic).isEqualTo(1));
            assertThat(composed.sourcesPerTopic.keySet()).as(saga + ": topics read")
                    .isEqualTo(separate.sourcesPerTopic.keySet());
            assertThat(composed.writes).as(saga + ": topics written").isEqualTo(separate.writes);
            assertThat(composed.stores).as(saga + ": stores").isEqualTo(separate.stores);
            assertThat(composed.globalStores).as(saga + ": global stores").isEqualTo(separate.globalStores)
                    .containsExactly("customers-everywhere");
            assertThat(composed.sourcesPerTopic).as(saga.name()).containsKeys("orders.events", "accounts.events",
                    "inventory.events", "shipments.events", "notifications.events", "catalog.products");
        }
    }

    @Test
    void shouldDecideTheShipmentsOfTheOrdersInTheOrdersTasks() {
        TopologyDescription choreographed = describe(COMPOSABLE, EventlineConfig.Saga.CHOREOGRAPHY);
        assertThat(nodesBeside(choreographed, "orders-decide")).as("choreography: shipping reacts as orders decide")
                .contains("shipping-on-orders-react", "shipments-decide");
        assertThat(nodeNames(choreographed)).doesNotContain("shipping-on-orders-source");

        TopologyDescription orchestrated = describe(COMPOSABLE, EventlineConfig.Saga.ORCHESTRATION);
        assertThat(nodesBeside(orchestrated, "orders-saga-run")).as("orchestration: the saga's shipment commands")
                .contains("orders-decide", "shipments-decide", "orders-saga-route-in-place-shipments-commands");
        // Without shipping in the application, the saga's shipment commands cross their topic.
        List<ServiceModule> ordersAlone = Modules.ALL.stream().filter(module -> module.name().equals("orders"))
                .toList();
        assertThat(nodeNames(describe(ordersAlone, EventlineConfig.Saga.ORCHESTRATION)))
                .contains("orders-saga-run").doesNotContain("orders-saga-route-in-place-shipments-commands");
    }

    private static List<String> nodesBeside(TopologyDescription description, String node) {
        return description.subtopologies().stream()
                .filter(subtopology -> subtopology.nodes().stream().anyMatch(n -> n.name().equals(node)))
                .flatMap(subtopology -> subtopology.nodes().stream().map(TopologyDescription.Node::name))
                .toList();
    }

    private static List<String> nodeNames(TopologyDescription description) {
        return description.subtopologies().stream().flatMap(subtopology -> subtopology.nodes().stream())
                .map(TopologyDescription.Node::name).toList();
    }

    @Test
    void shouldNotComposeTheCustomersTableWithTheGlobalCopyOfCustomers() {
        List<ServiceModule> withCustomers = Modules.ALL.stream()
                .filter(module -> List.of("customers", "shipping").contains(module.name())).toList();
        assertThatThrownBy(() -> describe(withCustomers, EventlineConfig.Saga.CHOREOGRAPHY))
                .isInstanceOf(TopologyException.class).hasMessageContaining("customers");
    }

    private static TopologyDescription describe(List<ServiceModule> modules, EventlineConfig.Saga saga) {
        StreamsBuilder builder = new StreamsBuilder();
        EventlineConfig config = new EventlineConfig(new EventlineConfig.Http("127.0.0.1", 0, Optional.empty()),
                new EventlineConfig.Kafka(Optional.empty(), 0, Map.of()), Path.of("data"), saga,
                EventlineConfig.KNOWN_SERVICES);
        ServiceComposition.addTo(new Sources(builder), modules, config);
        return builder.build(StreamsSettings.exactlyOnce("eventline", Map.of("bootstrap.servers", "localhost:9092"),
                Path.of("data"))).describe();
    }

    /** What a topology reads (with how many sources per topic), writes and keeps. */
    private static final class Flows {
        final Map<String, Integer> sourcesPerTopic = new TreeMap<>();
        final TreeSet<String> writes = new TreeSet<>();
        final TreeSet<String> stores = new TreeSet<>();
        final TreeSet<String> globalStores = new TreeSet<>();

        static Flows of(TopologyDescription description) {
            Flows flows = new Flows();
            List<TopologyDescription.Node> nodes = new ArrayList<>();
            description.subtopologies().forEach(subtopology -> nodes.addAll(subtopology.nodes()));
            for (TopologyDescription.Node node : nodes) {
                switch (node) {
                    case TopologyDescription.Source source -> source.topicSet()
                            .forEach(topic -> flows.sourcesPerTopic.merge(topic, 1, Integer::sum));
                    case TopologyDescription.Sink sink -> flows.writes.add(
                            sink.topic() != null ? sink.topic() : "per record: " + sink.name());
                    case TopologyDescription.Processor processor -> flows.stores.addAll(processor.stores());
                    default -> throw new AssertionError("unknown node " + node);
                }
            }
            description.globalStores().forEach(global -> {
                global.source().topicSet().forEach(topic -> flows.sourcesPerTopic.merge(topic, 1, Integer::sum));
                flows.globalStores.addAll(global.processor().stores());
            });
            return flows;
        }

        /** Adds another application's: topics read once each, as the composition must read them. */
        void add(Flows other) {
            other.sourcesPerTopic.keySet().forEach(topic -> sourcesPerTopic.put(topic, 1));
            writes.addAll(other.writes);
            stores.addAll(other.stores);
            globalStores.addAll(other.globalStores);
        }
    }
}
