package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.app.http.AsyncApiDocument;
import io.eventline.contracts.accounts.AccountContracts;
import io.eventline.contracts.catalog.CatalogContracts;
import io.eventline.contracts.customers.CustomerContracts;
import io.eventline.contracts.inventory.InventoryContracts;
import io.eventline.contracts.notifications.NotificationContracts;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.schemas.EventSchema;
import io.eventline.contracts.schemas.EventSchemas;
import io.eventline.contracts.shipments.ShipmentContracts;
import io.eventline.core.envelope.Catalogue;
import io.eventline.core.envelope.MessageType;
import io.eventline.core.kafka.Topic;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document ({@code resources/api/asyncapi.json}) against the code: a channel for each topic
 * the platform creates and for no other, with its topic's kind, key and configuration; each type of
 * each catalogue at its current version on its topic; what a running instance puts in.
 */
class AsyncApiDocumentTest {
    private static final List<Class<?>> CONTRACTS = List.of(AccountContracts.class, InventoryContracts.class,
            OrderContracts.class, ShipmentContracts.class, NotificationContracts.class, CustomerContracts.class,
            CatalogContracts.class);

    private final JsonNode document = AsyncApiDocument.written();
    private final JsonNode channels = document.path("channels");

    /** The topics each catalogue's messages are written to: a dead-lettered mail's event is replayed to its own. */
    private static Map<Catalogue<?>, List<String>> catalogueTopics() {
        Map<Catalogue<?>, List<String>> topics = new HashMap<>();
        topics.put(AccountContracts.EVENTS, List.of(AccountContracts.TOPICS.events().name()));
        topics.put(AccountContracts.COMMANDS, List.of(AccountContracts.TOPICS.commands().name()));
        topics.put(InventoryContracts.EVENTS, List.of(InventoryContracts.TOPICS.events().name()));
        topics.put(InventoryContracts.COMMANDS, List.of(InventoryContracts.TOPICS.commands().name()));
        topics.put(OrderContracts.EVENTS, List.of(OrderContracts.TOPICS.events().name()));
        topics.put(OrderContracts.COMMANDS, List.of(OrderContracts.TOPICS.commands().name()));
        topics.put(ShipmentContracts.EVENTS, List.of(ShipmentContracts.TOPICS.events().name()));
        topics.put(ShipmentContracts.COMMANDS, List.of(ShipmentContracts.TOPICS.commands().name()));
        topics.put(NotificationContracts.EVENTS, List.of(NotificationContracts.TOPICS.events().name(),
                io.eventline.notifications.NotificationsService.MAIL_REPLAYS));
        topics.put(NotificationContracts.COMMANDS, List.of(NotificationContracts.TOPICS.commands().name()));
        topics.put(CustomerContracts.EVENTS, List.of(CustomerContracts.TOPIC));
        topics.put(CatalogContracts.EVENTS, List.of(CatalogContracts.TOPIC));
        topics.put(CatalogContracts.SALES, List.of(CatalogContracts.SALES_TOPIC));
        return topics;
    }

    @Test
    void shouldHaveAChannelForEachTopicThePlatformCreatesAndNoOther() {
        Set<String> created = PlatformTopics.all().stream().map(Topic::name).collect(Collectors.toSet());
        Set<String> documented = new TreeSet<>();
        channels.properties().forEach(channel -> {
            assertThat(channel.getValue().path("address").asText()).as("channel id = address").isEqualTo(channel.getKey());
            documented.add(channel.getKey());
        });

        assertThat(documented).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void shouldGiveEachChannelTheKindKeyAndRetentionOfItsTopic() {
        for (Topic topic : PlatformTopics.all()) {
            JsonNode channel = channels.path(topic.name());
            assertThat(channel.path("x-eventline-kind").asText()).as(topic.name())
                    .isEqualTo(topic.kind().name().toLowerCase().replace('_', '-'));
            assertThat(channel.path("x-eventline-key").asText()).as(topic.name() + ": its key").isEqualTo(topic.key());
            Map<String, String> configuration = new TreeMap<>();
            channel.path("bindings").path("kafka").path("topicConfiguration").properties().forEach(setting ->
                    configuration.put(setting.getKey(), setting.getValue().isArray()
                            ? String.join(",", setting.getValue().valueStream().map(JsonNode::asText).toList())
                            : setting.getValue().asText()));
            Map<String, String> created = new TreeMap<>(Topics.configs(topic.kind()));
            created.putIfAbsent("cleanup.policy", "delete"); // the broker's default, said outright in the document
            assertThat(configuration).as(topic.name() + ": its topicConfiguration").isEqualTo(created);
        }
    }

    @Test
    void shouldListEveryTypeOfEachCatalogueAtItsCurrentVersionOnItsTopics() throws IllegalAccessException {
        Map<Catalogue<?>, List<String>> topics = catalogueTopics();
        for (Class<?> contracts : CONTRACTS) {
            for (Field field : contracts.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == Catalogue.class) {
                    assertThat(topics).as(contracts.getSimpleName() + "." + field.getName() + ": on which topic?")
                            .containsKey((Catalogue<?>) field.get(null));
                }
            }
        }
        topics.forEach((catalogue, names) -> names.forEach(topic -> {
            Set<String> types = catalogue.types().stream().map(MessageType::name).collect(Collectors.toSet());
            Set<String> listed = new TreeSet<>();
            channels.path(topic).path("messages").properties().forEach(message -> listed.add(message.getKey()));
            listed.remove("tombstone");
            assertThat(listed).as(topic + ": its messages").containsExactlyInAnyOrderElementsOf(types);
            catalogue.types().forEach(type -> checkMessage(topic, type));
        }));
    }

    private void checkMessage(String topic, MessageType<?> type) {
        String ref = channels.path(topic).path("messages").path(type.name()).path("$ref").asText();
        JsonNode message = document.at(ref.substring(1));
        assertThat(message.path("name").asText()).as(ref).isEqualTo(type.name());
        assertThat(message.path("x-eventline-version").asInt()).as(ref + ": the current version")
                .isEqualTo(type.currentVersion());
        if (message.path("payload").has("schemaFormat")) { // an event's: the schema served beside the document
            assertThat(message.path("payload").path("schema").path("$ref").asText()).as(ref)
                    .isEqualTo("schemas/" + type.name() + "/" + type.currentVersion());
        }
    }

    @Test
    void shouldReferEachEventToTheSchemaServedForItsCurrentVersion() {
        for (EventSchema schema : EventSchemas.all()) {
            for (String topic : schema.topics()) {
                String ref = channels.path(topic).path("messages").path(schema.eventType()).path("$ref").asText();
                JsonNode payload = document.at(ref.substring(1)).path("payload");
                if (schema.current()) {
                    assertThat(payload.at("/schema/$ref").asText()).as(topic + ": " + schema.eventType())
                            .isEqualTo("schemas/" + schema.eventType() + "/" + schema.version());
                }
            }
        }
        document.path("components").path("messages").forEach(message -> {
            String ref = message.at("/payload/schema/$ref").asText();
            if (!ref.isEmpty()) {
                String[] typeAndVersion = ref.substring("schemas/".length()).split("/");
                assertThat(EventSchemas.find(typeAndVersion[0], Integer.parseInt(typeAndVersion[1])))
                        .as(ref + ": served at /api/" + ref).isPresent();
            }
        });
    }

    @Test
    void shouldTombstoneOnlyCompactedTopics() {
        for (Topic topic : PlatformTopics.all()) {
            boolean tombstones = channels.path(topic.name()).path("messages").has("tombstone");
            boolean publicState = topic.kind() == Topic.Kind.COMPACTED
                    && channels.path(topic.name()).path("x-eventline-public").asBoolean();
            assertThat(tombstones).as(topic.name() + ": a tombstone deletes").isEqualTo(publicState);
        }
    }

    @Test
    void shouldServeTheVersionBrokerPartitionsAndReplicasOfTheRunningInstance() {
        JsonNode served = AsyncApiDocument.served("1.2.3", "kafka-1:9092,kafka-2:9092", 12, Optional.of(3));

        assertThat(served.at("/info/version").asText()).isEqualTo("1.2.3");
        assertThat(served.at("/servers/broker/host").asText()).isEqualTo("kafka-1:9092");
        assertThat(served.at("/servers/broker/protocol").asText()).isEqualTo("kafka");
        assertThat(served.at("/servers/broker/description").asText()).contains("kafka-1:9092,kafka-2:9092");
        assertThat(served.path("channels").valueStream().map(channel -> channel.at("/bindings/kafka/partitions").asInt()))
                .hasSize(PlatformTopics.all().size()).containsOnly(12);
        assertThat(served.path("channels").valueStream().map(channel -> channel.at("/bindings/kafka/replicas").asInt()))
                .containsOnly(3);
        assertThat(AsyncApiDocument.served("1.2.3", "kafka-1:9092", 12, Optional.empty())
                .at("/channels/orders.events/bindings/kafka").has("replicas")).as("replication unknown: not said").isFalse();
    }
}
