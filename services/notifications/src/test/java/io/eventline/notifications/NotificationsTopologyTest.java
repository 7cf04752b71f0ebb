package io.eventline.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.eventline.contracts.Money;
import io.eventline.contracts.customers.Address;
import io.eventline.contracts.customers.CustomerContracts;
import io.eventline.contracts.customers.CustomerUpdated;
import io.eventline.contracts.notifications.NotificationContracts;
import io.eventline.contracts.notifications.NotificationSent;
import io.eventline.contracts.orders.CancelReason;
import io.eventline.contracts.orders.OrderCancelled;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.orders.OrderEvent;
import io.eventline.contracts.orders.OrderLine;
import io.eventline.contracts.orders.OrderPlaced;
import io.eventline.contracts.orders.OrderShipped;
import io.eventline.core.decider.AggregateQueries;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.Json;
import io.eventline.core.kafka.Sources;
import io.eventline.core.testing.TestEvents;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotificationsTopologyTest {
    static final Instant T0 = Instant.parse("2026-11-22T10:00:00.000Z");
    static final List<OrderLine> ITEMS = List.of(new OrderLine("tea", 2, new Money(1025)));

    @TempDir
    Path mailDir;
    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> customers;
    TestInputTopic<String, byte[]> orders;
    TestOutputTopic<String, byte[]> sent;

    @BeforeEach
    void start() {
        driver = driver(Mailer.files(mailDir));
        customers = driver.createInputTopic(CustomerContracts.TOPIC, new StringSerializer(), new ByteArraySerializer());
        orders = driver.createInputTopic(OrderContracts.TOPIC, new StringSerializer(), new ByteArraySerializer());
        sent = driver.createOutputTopic(NotificationContracts.TOPIC, new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void shouldSendOneMessagePerOrderWhenEachOutcomeArrivesTwice() {
        customers.pipeInput("alice", customer("alice", "alice@example.com"), T0);
        byte[] shipped = order("o-1", new OrderShipped("o-1", "alice", ITEMS, "EUR", new Money(2050)));
        byte[] cancelled = order("o-2", new OrderCancelled("o-2", "alice", ITEMS, CancelReason.OUT_OF_STOCK));

        orders.pipeInput("o-1", order("o-1", new OrderPlaced("o-1", "alice", ITEMS, "EUR", new Money(2050))));
        orders.pipeInput("o-1", shipped);
        orders.pipeInput("o-2", cancelled);
        orders.pipeInput("o-1", shipped);
        orders.pipeInput("o-2", cancelled);

        List<TestRecord<String, byte[]>> records = sent.readRecordsToList();
        assertThat(records).extracting(TestRecord::key).containsExactly("o-1", "o-2");
        assertThat(records).extracting(NotificationsTopologyTest::decode).containsExactly(
                new NotificationSent("o-1", "alice", "SHIPPED", null, "alice@example.com",
                        "Your order o-1 has shipped"),
                new NotificationSent("o-2", "alice", "CANCELLED", "OUT_OF_STOCK", "alice@example.com",
                        "Your order o-2 was cancelled: out of stock"));
    }

    @Test
    void shouldDecideTheOutcomesMessageInPlaceWithoutWritingACommand() {
        customers.pipeInput("alice", customer("alice", "alice@example.com"), T0);
        TestOutputTopic<String, byte[]> commands = driver.createOutputTopic(NotificationsService.AGGREGATE.commandTopic(),
                new StringDeserializer(), new ByteArrayDeserializer());

        orders.pipeInput("o-1", order("o-1", new OrderShipped("o-1", "alice", ITEMS, "EUR", new Money(2050))));

        assertThat(commands.isEmpty()).as("nothing on notifications.commands").isTrue();
        assertThat(sent.readRecordsToList()).extracting(TestRecord::key).containsExactly("o-1");
    }

    @Test
    void shouldSendWithoutAnAddressWhenTheCustomerWasDeleted() {
        customers.pipeInput("bob", customer("bob", "bob@example.com"), T0);
        customers.pipeInput("bob", null, T0.plusSeconds(1));

        orders.pipeInput("o-3", order("o-3", new OrderShipped("o-3", "bob", ITEMS, "EUR", new Money(2050))));

        assertThat(TestEvents.events(sent, NotificationContracts.EVENTS))
                .extracting(event -> ((NotificationSent) event).to()).containsExactly((String) null);
    }

    @Test
    void shouldListMessagesNewestFirstWhenNoOrderIsAsked() {
        customers.pipeInput("alice", customer("alice", "alice@example.com"), T0);
        orders.pipeInput("o-1", order("o-1", new OrderShipped("o-1", "alice", ITEMS, "EUR", new Money(2050))));
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        orders.pipeInput("o-2", order("o-2", new OrderCancelled("o-2", "alice", ITEMS, CancelReason.TIMED_OUT)));

        NotificationLog log = new NotificationLog(
                new AggregateQueries<>(NotificationsService.AGGREGATE, driver::getKeyValueStore),
                store -> List.of(driver.getKeyValueStore(store)));

        assertThat(log.newest(100)).extracting(NotificationView::orderId, NotificationView::at).containsExactly(
                tuple("o-2", "2026-11-22T10:00:05.000Z"),
                tuple("o-1", "2026-11-22T10:00:00.000Z"));
        assertThat(log.newest(1)).extracting(NotificationView::orderId).as("the limit keeps the newest")
                .containsExactly("o-2");
        assertThat(log.forOrder("o-1")).singleElement().satisfies(view -> {
            assertThat(view.subject()).isEqualTo("Your order o-1 has shipped");
            assertThat(Json.writeString(view)).doesNotContain("reason").contains("\"to\":\"alice@example.com\"");
        });
        assertThat(log.forOrder("o-9")).isEmpty();
    }

    static NotificationSent decode(TestRecord<String, byte[]> record) {
        EventEnvelope envelope = EnvelopeCodec.fromBytes(record.value());
        return (NotificationSent) NotificationContracts.EVENTS.decode(
                envelope.eventType(), envelope.version(), envelope.data());
    }

    static byte[] customer(String id, String email) {
        return TestEvents.envelope(CustomerContracts.EVENTS, id,
                new CustomerUpdated(id, "Someone", email, new Address("1 High St", "Bath", "BA1", "GB")), T0);
    }

    static byte[] order(String orderId, OrderEvent event) {
        return TestEvents.envelope(OrderContracts.EVENTS, orderId, event, T0);
    }

    static TopologyTestDriver driver(Mailer mailer) {
        StreamsBuilder builder = new StreamsBuilder();
        NotificationsService.addTo(new Sources(builder), mailer);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test-notifications");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        return new TopologyTestDriver(builder.build(props), props, T0);
    }
}
