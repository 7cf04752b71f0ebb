package io.eventline.inventory;

import static io.eventline.inventory.StockReactionTest.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.contracts.inventory.AddStock;
import io.eventline.contracts.inventory.InventoryCommand;
import io.eventline.contracts.inventory.InventoryContracts;
import io.eventline.contracts.inventory.InventoryEvent;
import io.eventline.contracts.inventory.ReleaseStock;
import io.eventline.contracts.inventory.ReserveStock;
import io.eventline.contracts.inventory.ShipStock;
import io.eventline.contracts.inventory.StockAdded;
import io.eventline.contracts.inventory.StockReleased;
import io.eventline.contracts.inventory.StockReservationFailed;
import io.eventline.contracts.inventory.StockReserved;
import io.eventline.contracts.inventory.StockShipped;
import io.eventline.contracts.orders.CancelReason;
import io.eventline.contracts.orders.Lines;
import io.eventline.contracts.orders.OrderCancelled;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.orders.OrderEvent;
import io.eventline.contracts.orders.OrderLine;
import io.eventline.contracts.orders.OrderPaid;
import io.eventline.contracts.orders.OrderShipped;
import io.eventline.core.decider.AggregateQueries;
import io.eventline.core.decider.CommandEnvelope;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventMetadata;
import io.eventline.core.envelope.Json;
import io.eventline.core.kafka.Sources;
import io.eventline.core.testing.TestEvents;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole inventory topology, reaction and decider together. The driver feeds what the reaction
 * writes to {@code inventory.commands} back into the decider, which reads that topic, as a broker would.
 */
class InventoryTopologyTest {
    static final Instant T1 = Instant.parse("2026-11-22T10:00:00.000Z");
    static final Instant T2 = Instant.parse("2026-11-22T10:00:05.000Z");
    static final String ORDER = "order-1";
    static final List<OrderLine> ITEMS = List.of(line("sku-b", 2), line("sku-a", 1), line("sku-b", 3));

    TopologyTestDriver driver;
    TestInputTopic<String, byte[]> orders;
    TestInputTopic<String, byte[]> commandsIn;
    TestOutputTopic<String, byte[]> commandsOut;
    TestOutputTopic<String, byte[]> events;
    AggregateQueries<InventoryCommand, Stock, InventoryEvent> queries;
    int sent;

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        InventoryService.addTo(new Sources(builder), true);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test-inventory");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        driver = new TopologyTestDriver(builder.build(props), props, T1);
        orders = driver.createInputTopic(OrderContracts.TOPIC, new StringSerializer(), new ByteArraySerializer());
        String commandTopic = InventoryService.AGGREGATE.commandTopic();
        commandsIn = driver.createInputTopic(commandTopic, new StringSerializer(), new ByteArraySerializer());
        commandsOut = driver.createOutputTopic(commandTopic, new StringDeserializer(), new ByteArrayDeserializer());
        events = driver.createOutputTopic(InventoryContracts.TOPIC, new StringDeserializer(),
                new ByteArrayDeserializer());
        queries = new AggregateQueries<>(InventoryService.AGGREGATE, driver::getKeyValueStore);
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void shouldReserveEverySkuOfAnOrderWhenItIsPaid() {
        stock("sku-a", 10);
        stock("sku-b", 10);
        events.readRecordsToList();

        order(new OrderPaid(ORDER, "alice", ITEMS, Lines.total(ITEMS)));

        // Only the reaction's commands are read back: what was piped in is input, not output.
        assertThat(TestEvents.commands(commandsOut, InventoryContracts.COMMANDS)).containsExactly(
                new ReserveStock("sku-a", ORDER, 1), new ReserveStock("sku-b", ORDER, 5));
        var appended = events.readRecordsToList();
        assertThat(appended).extracting(record -> record.key()).containsExactly("sku-a", "sku-b");
        assertThat(appended).extracting(record -> EnvelopeCodec.fromBytes(record.value()))
                .extracting(e -> InventoryContracts.EVENTS.decode(e.eventType(), e.version(), e.data()))
                .containsExactly(new StockReserved("sku-a", ORDER, 1), new StockReserved("sku-b", ORDER, 5));
        assertStock("sku-a", 9, 1);
        assertStock("sku-b", 5, 5);
    }

    @Test
    void shouldReleaseTheReservationsWhenAPaidOrderIsCancelled() {
        stock("sku-a", 10);
        stock("sku-b", 10);
        order(new OrderPaid(ORDER, "alice", ITEMS, Lines.total(ITEMS)));
        events.readRecordsToList();

        order(new OrderCancelled(ORDER, "alice", ITEMS, CancelReason.SHIPPING_UNAVAILABLE));

        assertThat(TestEvents.commands(commandsOut, InventoryContracts.COMMANDS)).endsWith(
                new ReleaseStock("sku-a", ORDER), new ReleaseStock("sku-b", ORDER));
        assertThat(TestEvents.events(events, InventoryContracts.EVENTS)).containsExactly(
                new StockReleased("sku-a", ORDER, 1), new StockReleased("sku-b", ORDER, 5));
        assertStock("sku-a", 10, 0);
        assertStock("sku-b", 10, 0);
    }

    @Test
    void shouldShipTheReservationsOnceWhenTheOrderShipsEvenIfTheEventComesTwice() {
        stock("sku-a", 10);
        stock("sku-b", 10);
        order(new OrderPaid(ORDER, "alice", ITEMS, Lines.total(ITEMS)));
        events.readRecordsToList();

        OrderShipped shipped = new OrderShipped(ORDER, "alice", ITEMS, "EUR", Lines.total(ITEMS));
        order(shipped);
        order(shipped);

        assertThat(TestEvents.commands(commandsOut, InventoryContracts.COMMANDS)).endsWith(
                new ShipStock("sku-a", ORDER), new ShipStock("sku-b", ORDER),
                new ShipStock("sku-a", ORDER), new ShipStock("sku-b", ORDER));
        assertThat(TestEvents.events(events, InventoryContracts.EVENTS)).containsExactly(
                new StockShipped("sku-a", ORDER, 1), new StockShipped("sku-b", ORDER, 5));
        assertStock("sku-a", 9, 0);
        assertStock("sku-b", 5, 0);
    }

    @Test
    void shouldFailAndLaterReleaseNothingWhenASkuWasNeverStocked() {
        stock("sku-a", 10);

        order(new OrderPaid(ORDER, "alice", ITEMS, Lines.total(ITEMS)));
        order(new OrderCancelled(ORDER, "alice", ITEMS, CancelReason.OUT_OF_STOCK));

        assertThat(TestEvents.events(events, InventoryContracts.EVENTS)).containsExactly(
                new StockAdded("sku-a", 10),
                new StockReserved("sku-a", ORDER, 1), new StockReservationFailed("sku-b", ORDER, 5, 0),
                new StockReleased("sku-a", ORDER, 1));
        assertStock("sku-a", 10, 0);
        assertThat(queries.current("sku-b").orElseThrow().state().orders()).containsOnlyKeys(ORDER);
    }

    @Test
    void shouldAnswerTheStockAsOfATimeBetweenTwoEvents() {
        stock("sku-a", 10, T1);
        stock("sku-a", 5, T2);

        assertThat(queries.asOf("sku-a", T1.plusSeconds(1)).orElseThrow().state().available()).isEqualTo(10);
        assertThat(queries.asOf("sku-a", T1.minusMillis(1))).isEmpty();
        assertThat(queries.current("sku-a").orElseThrow().state().available()).isEqualTo(15);
        assertThat(queries.events("sku-a")).extracting(e -> e.eventType())
                .containsExactly("stock.added", "stock.added");
    }

    private void order(OrderEvent event) {
        orders.pipeInput(event.orderId(), TestEvents.envelope(OrderContracts.EVENTS, event.orderId(), event, T2), T2);
    }

    private void stock(String sku, int quantity) {
        stock(sku, quantity, T1);
    }

    /** An {@code AddStock} as the REST gateway sends it. */
    private void stock(String sku, int quantity, Instant at) {
        AddStock command = new AddStock(sku, quantity);
        var type = InventoryContracts.COMMANDS.typeOf(command);
        String commandId = "cmd-" + (++sent);
        commandsIn.pipeInput(sku, Json.write(new CommandEnvelope(commandId, type.name(), type.currentVersion(), sku,
                InventoryContracts.COMMANDS.encode(command), new EventMetadata("corr", commandId, "test"))), at);
    }

    private void assertStock(String sku, int available, int reserved) {
        Stock stock = queries.current(sku).orElseThrow().state();
        assertThat(stock.available()).as("%s available", sku).isEqualTo(available);
        assertThat(stock.reserved()).as("%s reserved", sku).isEqualTo(reserved);
    }
}
