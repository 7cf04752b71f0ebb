package io.eventline.shipping;

import static io.eventline.shipping.ShipmentDeciderTest.ANTARCTICA;
import static io.eventline.shipping.ShipmentDeciderTest.CUSTOMER;
import static io.eventline.shipping.ShipmentDeciderTest.HOME;
import static io.eventline.shipping.ShipmentDeciderTest.ORDER;
import static io.eventline.shipping.ShippingReactionTest.ALICE;
import static io.eventline.shipping.ShippingReactionTest.ITEMS;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.contracts.customers.Address;
import io.eventline.contracts.customers.CustomerContracts;
import io.eventline.contracts.customers.CustomerUpdated;
import io.eventline.contracts.orders.CancelReason;
import io.eventline.contracts.orders.OrderCancelled;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.orders.OrderEvent;
import io.eventline.contracts.orders.OrderReserved;
import io.eventline.contracts.shipments.ShipmentCancelled;
import io.eventline.contracts.shipments.ShipmentCommand;
import io.eventline.contracts.shipments.ShipmentContracts;
import io.eventline.contracts.shipments.ShipmentEvent;
import io.eventline.contracts.shipments.ShipmentFailed;
import io.eventline.contracts.shipments.ShipmentScheduled;
import io.eventline.core.decider.AggregateQueries;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.Json;
import io.eventline.core.kafka.Sources;
import io.eventline.core.testing.TestEvents;
import java.time.Instant;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole shipping topology: the customers copy, the reaction and the decider. The reaction's
 * commands are decided in place, in the task that read the order's event (no trip through
 * {@code shipments.commands}); the reaction reads the global customers store without being connected.
 */
class ShippingTopologyTest {
    static final Instant T1 = Instant.parse("2026-11-22T10:00:00.000Z");
    static final Instant T2 = Instant.parse("2026-11-22T10:00:05.000Z");

    final TopologyTestDriver driver = driver();
    final TestInputTopic<String, byte[]> customers = driver.createInputTopic(
            CustomerContracts.TOPIC, new StringSerializer(), new ByteArraySerializer());
    final TestInputTopic<String, byte[]> orders = driver.createInputTopic(
            OrderContracts.TOPIC, new StringSerializer(), new ByteArraySerializer());
    final TestOutputTopic<String, byte[]> events = driver.createOutputTopic(
            ShipmentContracts.TOPIC, new StringDeserializer(), new ByteArrayDeserializer());
    final AggregateQueries<ShipmentCommand, Shipment, ShipmentEvent> queries =
            new AggregateQueries<>(ShippingService.AGGREGATE, driver::getKeyValueStore);

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void shouldScheduleToTheAddressShippingHoldsWhenTheOrderIsReserved() {
        customers.pipeInput(CUSTOMER, TestEvents.envelope(CustomerContracts.EVENTS, CUSTOMER, ALICE, T1), T1);
        order(new OrderReserved(ORDER, CUSTOMER, ITEMS), T2);

        assertThat(events.readKeyValuesToList()).singleElement().satisfies(record -> {
            assertThat(record.key).isEqualTo(ORDER);
            assertThat(decode(record.value)).isEqualTo(new ShipmentScheduled(ORDER, CUSTOMER, HOME));
        });
    }

    @Test
    void shouldFailAsUnsupportedCountryWhenTheCustomerLivesInAntarctica() {
        customer(new CustomerUpdated(CUSTOMER, "Alice", "alice@example.com", ANTARCTICA));
        order(new OrderReserved(ORDER, CUSTOMER, ITEMS), T2);

        assertThat(TestEvents.events(events, ShipmentContracts.EVENTS))
                .containsExactly(new ShipmentFailed(ORDER, CUSTOMER, ShipmentContracts.UNSUPPORTED_COUNTRY));
    }

    @Test
    void shouldFailAsNoAddressWhenTheCustomerIsUnknown() {
        order(new OrderReserved(ORDER, CUSTOMER, ITEMS), T2);

        assertThat(TestEvents.events(events, ShipmentContracts.EVENTS))
                .containsExactly(new ShipmentFailed(ORDER, CUSTOMER, ShipmentContracts.NO_ADDRESS));
    }

    @Test
    void shouldFailAsNoAddressWhenTheCustomerWasDeleted() {
        customer(ALICE);
        customers.pipeInput(CUSTOMER, null, T1);
        order(new OrderReserved(ORDER, CUSTOMER, ITEMS), T2);

        assertThat(TestEvents.events(events, ShipmentContracts.EVENTS))
                .containsExactly(new ShipmentFailed(ORDER, CUSTOMER, ShipmentContracts.NO_ADDRESS));
    }

    @Test
    void shouldShipToTheLatestAddressWhenTheCustomerMoved() {
        Address moved = new Address("2 High St", "Shelbyville", "54321", "GB");
        customer(ALICE);
        customer(new CustomerUpdated(CUSTOMER, "Alice", "alice@example.com", moved));
        order(new OrderReserved(ORDER, CUSTOMER, ITEMS), T2);

        assertThat(TestEvents.events(events, ShipmentContracts.EVENTS))
                .containsExactly(new ShipmentScheduled(ORDER, CUSTOMER, moved));
    }

    @Test
    void shouldCancelTheShipmentWhenTheOrderIsCancelledAfterItWasScheduled() {
        customer(ALICE);
        order(new OrderReserved(ORDER, CUSTOMER, ITEMS), T1);
        order(new OrderCancelled(ORDER, CUSTOMER, ITEMS, CancelReason.CANCELLED_BY_CUSTOMER), T2);

        assertThat(TestEvents.events(events, ShipmentContracts.EVENTS)).containsExactly(
                new ShipmentScheduled(ORDER, CUSTOMER, HOME), new ShipmentCancelled(ORDER, CUSTOMER));
        assertThat(queries.current(ORDER).orElseThrow().state().status()).isEqualTo(Shipment.Status.CANCELLED);
    }

    @Test
    void shouldScheduleOnceWhenTheOrderIsReservedTwice() {
        customer(ALICE);
        order(new OrderReserved(ORDER, CUSTOMER, ITEMS), T1);
        order(new OrderReserved(ORDER, CUSTOMER, ITEMS), T2);

        assertThat(TestEvents.events(events, ShipmentContracts.EVENTS))
                .containsExactly(new ShipmentScheduled(ORDER, CUSTOMER, HOME));
    }

    @Test
    void shouldKnowNothingOfTheOrderWhenItIsCancelledBeforeItWasReserved() {
        order(new OrderCancelled(ORDER, CUSTOMER, ITEMS, CancelReason.INSUFFICIENT_FUNDS), T1);

        assertThat(events.isEmpty()).isTrue();
        assertThat(queries.current(ORDER)).isEmpty();
    }

    @Test
    void shouldAnswerWithoutAReasonWhenTheShipmentIsScheduled() {
        customer(ALICE);
        order(new OrderReserved(ORDER, CUSTOMER, ITEMS), T1);

        assertThat(Json.writeString(ShipmentView.of(ORDER, queries.current(ORDER).orElseThrow().state())))
                .isEqualTo("{\"orderId\":\"order-1\",\"customerId\":\"alice\",\"address\":{\"line1\":\"1 Main St\","
                        + "\"city\":\"Springfield\",\"postcode\":\"12345\",\"country\":\"US\"},\"status\":\"SCHEDULED\"}");
    }

    @Test
    void shouldAnswerTheReasonAndANullAddressWhenTheShipmentFailed() {
        order(new OrderReserved(ORDER, CUSTOMER, ITEMS), T1);

        assertThat(Json.writeString(ShipmentView.of(ORDER, queries.current(ORDER).orElseThrow().state())))
                .isEqualTo("{\"orderId\":\"order-1\",\"customerId\":\"alice\",\"address\":null,"
                        + "\"status\":\"FAILED\",\"reason\":\"NO_ADDRESS\"}");
    }

    private void customer(CustomerUpdated customer) {
        customers.pipeInput(customer.customerId(),
                TestEvents.envelope(CustomerContracts.EVENTS, customer.customerId(), customer, T1), T1);
    }

    private void order(OrderEvent event, Instant at) {
        orders.pipeInput(event.orderId(), TestEvents.envelope(OrderContracts.EVENTS, event.orderId(), event, at), at);
    }

    private static ShipmentEvent decode(byte[] value) {
        EventEnvelope envelope = EnvelopeCodec.fromBytes(value);
        return ShipmentContracts.EVENTS.decode(envelope.eventType(), envelope.version(), envelope.data());
    }

    private static TopologyTestDriver driver() {
        StreamsBuilder builder = new StreamsBuilder();
        ShippingService.addTo(new Sources(builder), true);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test-shipping");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        return new TopologyTestDriver(builder.build(props), props, T1);
    }
}
