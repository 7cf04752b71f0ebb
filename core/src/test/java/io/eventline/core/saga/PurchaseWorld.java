package io.eventline.core.saga;

import com.fasterxml.jackson.databind.node.NullNode;
import io.eventline.core.decider.Aggregate;
import io.eventline.core.decider.AggregateQueries;
import io.eventline.core.decider.CommandEnvelope;
import io.eventline.core.decider.CommandPreparer;
import io.eventline.core.decider.DeciderTopology;
import io.eventline.core.decider.Reply;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.EventMetadata;
import io.eventline.core.envelope.Json;
import io.eventline.core.kafka.Sources;
import io.eventline.core.kafka.StreamsSettings;
import io.eventline.core.saga.Purchases.Purchase;
import io.eventline.core.saga.Purchases.PurchaseEvent;
import io.eventline.core.testing.TestEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The purchase saga with the wallets and shelves deciders in one topology on a TopologyTestDriver: the
 * saga's commands to wallets and shelves are decided, and their replies come back, by themselves. The
 * couriers and purchases have no decider: the test reads their commands and answers the couriers.
 */
final class PurchaseWorld implements AutoCloseable {
    static final Duration TICK = Duration.ofSeconds(1);
    static final String APPLICATION_ID = "test-purchase-saga";

    private final TopologyTestDriver driver;
    private final boolean couriersInPlace;
    private final TestInputTopic<String, byte[]> events;
    private final TestInputTopic<String, byte[]> replies;
    private final TestInputTopic<String, byte[]> wallets;
    private final TestInputTopic<String, byte[]> shelves;
    private final TestOutputTopic<String, byte[]> couriers;
    private final TestOutputTopic<String, byte[]> purchases;
    private final TestOutputTopic<String, byte[]> courierEvents;
    private int setupCommands;

    PurchaseWorld(Path stateDir, Instant wallClock) {
        this(stateDir, wallClock, false);
    }

    /**
     * @param couriersInPlace run {@link Couriers}' decider in the saga's task, the saga's commands to
     *     it decided in place ({@link SagaTopology#inPlace}) instead of left on couriers.commands
     */
    PurchaseWorld(Path stateDir, Instant wallClock, boolean couriersInPlace) {
        this.couriersInPlace = couriersInPlace;
        StreamsBuilder builder = new StreamsBuilder();
        Sources sources = new Sources(builder);
        DeciderTopology.addTo(sources, Wallets.AGGREGATE);
        DeciderTopology.addTo(sources, Shelves.AGGREGATE);
        if (couriersInPlace) {
            KStream<String, byte[]> toCouriers = SagaTopology.inPlace(sources, Purchases.SAGA, Purchases.TRIGGERS,
                    Couriers.AGGREGATE);
            DeciderTopology.addTo(sources, Couriers.AGGREGATE, CommandPreparer.none(), List.of(toCouriers));
        } else {
            SagaTopology.addTo(sources, Purchases.SAGA, Purchases.TRIGGERS, TICK);
        }
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        StreamsSettings.onThePath(props); // no record cache, as the platform's services on a saga's path: every put is a record
        driver = new TopologyTestDriver(builder.build(props), props, wallClock);
        events = input(Purchases.EVENTS_TOPIC);
        replies = input(Purchases.SAGA.replyTopic());
        wallets = input(Wallets.AGGREGATE.commandTopic());
        shelves = input(Shelves.AGGREGATE.commandTopic());
        couriers = driver.createOutputTopic(Purchases.COURIERS.commandTopic(), new StringDeserializer(),
                new ByteArrayDeserializer());
        purchases = driver.createOutputTopic(Purchases.PURCHASES.commandTopic(), new StringDeserializer(),
                new ByteArrayDeserializer());
        courierEvents = driver.createOutputTopic(Couriers.AGGREGATE.eventTopic(), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    private TestInputTopic<String, byte[]> input(String topic) {
        return driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer());
    }

    void fund(String walletId, long amount) {
        wallets.pipeInput(walletId, setup(Wallets.AGGREGATE, walletId, new Wallets.Fund(amount)));
    }

    void stock(String sku, int quantity) {
        shelves.pipeInput(sku, setup(Shelves.AGGREGATE, sku, new Shelves.Stock(quantity)));
    }

    void publish(String purchaseId, PurchaseEvent event) {
        events.pipeInput(purchaseId, TestEvents.envelope(Purchases.EVENTS, purchaseId, event, Instant.EPOCH));
    }

    /** A command read from couriers.commands, as another service would send it, with {@code headers}. */
    void sendCourier(String purchaseId, Purchases.CourierCommand command, Headers headers) {
        input(Couriers.AGGREGATE.commandTopic()).pipeInput(new TestRecord<>(purchaseId,
                setup(Couriers.AGGREGATE, purchaseId, command), headers, Instant.EPOCH));
    }

    /** A courier's accepted reply to a command the saga sent, as the couriers' decider would send it. */
    void courierAccepts(CommandEnvelope command) {
        CommandEnvelope.ReplyTo to = command.replyTo();
        replies.pipeInput(to.key(), Json.write(new Reply(command.commandId(), command.aggregateId(), 1,
                NullNode.getInstance(), List.of("courier.done"), null)));
    }

    void advance(Duration elapsed) {
        driver.advanceWallClockTime(elapsed);
    }

    /** Commands written to couriers.commands since the last read. */
    List<CommandEnvelope> courierCommands() {
        return couriers.readValuesToList().stream().map(PurchaseWorld::command).toList();
    }

    /** Events written to couriers.events since the last read (by {@link Couriers}' decider, in place). */
    List<EventEnvelope> courierEvents() {
        return courierEvents.readValuesToList().stream().map(EnvelopeCodec::fromBytes).toList();
    }

    List<CommandEnvelope> purchaseCommands() {
        return purchases.readValuesToList().stream().map(PurchaseWorld::command).toList();
    }

    AggregateQueries<?, Wallets.Wallet, ?> wallets() {
        return new AggregateQueries<>(Wallets.AGGREGATE, driver::getKeyValueStore);
    }

    AggregateQueries<?, Shelves.Shelf, ?> shelves() {
        return new AggregateQueries<>(Shelves.AGGREGATE, driver::getKeyValueStore);
    }

    SagaState<Purchase> saga(String purchaseId) {
        SagaQueries<Purchase> queries = couriersInPlace
                ? SagaQueries.hosted(Purchases.SAGA, Couriers.AGGREGATE, driver::getKeyValueStore)
                : new SagaQueries<>(Purchases.SAGA, driver::getKeyValueStore);
        return queries.find(purchaseId).orElseThrow();
    }

    /** Records of a store's changelog so far. */
    List<KeyValue<String, byte[]>> changelog(String store) {
        return driver.createOutputTopic(APPLICATION_ID + "-" + store + "-changelog", new StringDeserializer(),
                new ByteArrayDeserializer()).readKeyValuesToList();
    }

    KeyValueStore<String, byte[]> store(String name) {
        return driver.getKeyValueStore(name);
    }

    /**
     * The saga store's changelog records so far. TopologyTestDriver wipes its state directory on close,
     * so a restart is simulated the way Kafka Streams restores a store: from its changelog.
     */
    List<KeyValue<String, byte[]>> sagaChangelog() {
        return driver.createOutputTopic(APPLICATION_ID + "-" + Purchases.SAGA.stateStore() + "-changelog",
                new StringDeserializer(), new ByteArrayDeserializer()).readKeyValuesToList();
    }

    void restoreSaga(List<KeyValue<String, byte[]>> changelog) {
        KeyValueStore<String, byte[]> store = driver.getKeyValueStore(Purchases.SAGA.stateStore());
        changelog.forEach(record -> store.put(record.key, record.value));
    }

    private <C> byte[] setup(Aggregate<C, ?, ?> aggregate, String id, C command) {
        var type = aggregate.commands().typeOf(command);
        String commandId = "setup-" + (++setupCommands);
        return Json.write(new CommandEnvelope(commandId, type.name(), type.currentVersion(), id,
                aggregate.commands().encode(command), new EventMetadata(commandId, commandId, "test")));
    }

    static CommandEnvelope command(byte[] bytes) {
        try {
            return Json.mapper().readValue(bytes, CommandEnvelope.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.close();
    }
}
