package io.eventline.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventline.contracts.orders.Lines;
import io.eventline.contracts.orders.OrderPlaced;
import io.eventline.contracts.orders.PlaceOrder;
import io.eventline.core.envelope.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The command hop's job written by hand on Kafka Streams, without Eventline: what a developer would
 * write to place orders exactly-once. The same records in and out as the decider runtime's hop on
 * the orders decider: each {@code PlaceOrder} envelope read (JSON, as {@code CommandGateway} writes
 * it), the order looked up and kept in a RocksDB store with its changelog and record cache (as the
 * snapshot store), an {@code order.placed} envelope written with the headers docs/api.md promises,
 * and a reply to the caller. What it leaves out is what Eventline adds to the job: the history
 * table, the decider and catalogue abstractions (upcasting, typed refusals), dead letters, trace
 * headers and hop stamps, metrics and commit-when-idle. So the command hop's rate over this one is
 * what the framework costs, on the same work; over {@link StreamsCount} it is the work too.
 */
final class HandWrittenHop {
    static final String APPLICATION = "bench-hand-written-hop";
    static final String EVENTS = "bench-hand-written-hop.events";
    static final String REPLIES = "bench-hand-written-hop.replies";
    private static final String STORE = "bench-hand-written-orders";

    private HandWrittenHop() {
    }

    static Throughput run(Cluster cluster, String commands, Path stateDir, int commitMs, Duration length,
                          Progress progress) {
        try (KafkaStreams streams = streams(APPLICATION, cluster, commands, stateDir, commitMs)) {
            return StreamsRate.measure(cluster, streams, APPLICATION, commands, length, progress);
        }
    }

    /** Run untimed until its rate is steady, under another application id: see {@link StreamsCount#warmUp}. */
    static void warmUp(Cluster cluster, String commands, Path stateDir, int commitMs, Duration window, Duration cap,
                       Progress progress) {
        try (KafkaStreams streams = streams(APPLICATION + "-warm-up", cluster, commands, stateDir, commitMs)) {
            StreamsRate.untilSteady(cluster, streams, APPLICATION + "-warm-up", commands, window, cap, progress);
        }
    }

    static void createTopics(Cluster cluster) {
        cluster.create(EVENTS, REPLIES);
    }

    private static KafkaStreams streams(String application, Cluster cluster, String commands, Path stateDir,
                                        int commitMs) {
        return new KafkaStreams(topology(commands), Clients.streams(cluster, application, stateDir, commitMs));
    }

    /** Commands in, {@link #EVENTS} and {@link #REPLIES} out, the orders in a store of their own. */
    static Topology topology(String commands) {
        Topology topology = new Topology();
        topology.addSource("commands", Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), commands);
        topology.addProcessor("place", PlaceOrders::new, "commands");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                Serdes.ByteArray()).withCachingEnabled(), "place");
        topology.addSink("events", EVENTS, Serdes.String().serializer(), Serdes.ByteArray().serializer(), "place");
        topology.addSink("replies", REPLIES, Serdes.String().serializer(), Serdes.ByteArray().serializer(), "place");
        return topology;
    }

    /** A stored order: what placing it again is checked against. */
    record StoredOrder(long version, String status, OrderPlaced order) {
    }

    /** Reads a command, decides, writes the event, the order and the reply. */
    static final class PlaceOrders implements Processor<String, byte[], String, byte[]> {
        // Eventline's JSON settings (exact decimals, strict reads): the same bytes, not a framework.
        private final ObjectMapper mapper = Json.mapper();
        private ProcessorContext<String, byte[]> context;
        private KeyValueStore<String, byte[]> orders;

        @Override
        public void init(ProcessorContext<String, byte[]> context) {
            this.context = context;
            this.orders = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, byte[]> command) {
            try {
                place(command);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void place(Record<String, byte[]> command) throws IOException {
            JsonNode envelope = mapper.readTree(command.value());
            String commandId = envelope.get("commandId").textValue();
            String orderId = envelope.get("aggregateId").textValue();
            PlaceOrder place = mapper.treeToValue(envelope.get("data"), PlaceOrder.class);
            byte[] stored = orders.get(orderId);
            if (stored != null) { // placed again: the same body changes nothing, another is refused
                StoredOrder order = mapper.readValue(stored, StoredOrder.class);
                boolean same = order.order().customerId().equals(place.customerId())
                        && order.order().items().equals(place.items()) && order.order().currency().equals(place.currency());
                reply(command, commandId, orderId, order.version(), order.status(), List.of(),
                        same ? null : "order.exists");
                return;
            }
            OrderPlaced placed = new OrderPlaced(orderId, place.customerId(), place.items(), place.currency(),
                    Lines.total(place.items()));
            UUID eventId = UUID.nameUUIDFromBytes((commandId + "/0").getBytes(StandardCharsets.UTF_8));
            Instant at = Instant.ofEpochMilli(command.timestamp());
            String correlationId = envelope.get("metadata").get("correlationId").textValue();
            byte[] event = write(generator -> {
                generator.writeStartObject();
                generator.writeStringField("eventId", eventId.toString());
                generator.writeStringField("eventType", "order.placed");
                generator.writeNumberField("version", 1);
                generator.writeStringField("timestamp", at.toString());
                generator.writeStringField("aggregateId", orderId);
                generator.writeFieldName("data");
                mapper.writeValue(generator, placed);
                generator.writeObjectFieldStart("metadata");
                generator.writeStringField("correlationId", correlationId);
                generator.writeStringField("causationId", commandId);
                generator.writeStringField("source", "orders");
                generator.writeEndObject();
                generator.writeEndObject();
            });
            orders.put(orderId, mapper.writeValueAsBytes(new StoredOrder(1, "PLACED", placed)));
            context.forward(new Record<>(orderId, event, command.timestamp(),
                    headers(eventId, at, correlationId, commandId)), "events");
            reply(command, commandId, orderId, 1, "PLACED", List.of("order.placed"), null);
        }

        private void reply(Record<String, byte[]> command, String commandId, String orderId, long version,
                           String status, List<String> events, String refusal) throws IOException {
            byte[] reply = write(generator -> {
                generator.writeStartObject();
                generator.writeStringField("commandId", commandId);
                generator.writeStringField("aggregateId", orderId);
                generator.writeNumberField("version", version);
                generator.writeObjectFieldStart("summary");
                generator.writeStringField("status", status);
                generator.writeEndObject();
                generator.writeFieldName("events");
                mapper.writeValue(generator, events);
                if (refusal == null) {
                    generator.writeNullField("rejection");
                } else {
                    generator.writeObjectFieldStart("rejection");
                    generator.writeStringField("code", refusal);
                    generator.writeEndObject();
                }
                generator.writeEndObject();
            });
            context.forward(new Record<>(orderId, reply, command.timestamp()), "replies");
        }

        /** The headers docs/api.md promises on an event topic: the envelope's routing fields and CloudEvents'. */
        private static Headers headers(UUID eventId, Instant at, String correlationId, String commandId) {
            Headers headers = new RecordHeaders();
            put(headers, "eventId", eventId.toString());
            put(headers, "eventType", "order.placed");
            put(headers, "version", "1");
            put(headers, "correlationId", correlationId);
            put(headers, "causationId", commandId);
            put(headers, "source", "orders");
            put(headers, "ce_specversion", "1.0");
            put(headers, "ce_id", eventId.toString());
            put(headers, "ce_type", "order.placed");
            put(headers, "ce_source", "orders");
            put(headers, "ce_time", at.toString());
            return headers;
        }

        private static void put(Headers headers, String key, String value) {
            headers.add(key, value.getBytes(StandardCharsets.UTF_8));
        }

        private interface Writing {
            void writeTo(JsonGenerator generator) throws IOException;
        }

        private byte[] write(Writing document) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream(512);
            try (JsonGenerator generator = mapper.createGenerator(out)) {
                document.writeTo(generator);
            }
            return out.toByteArray();
        }
    }
}
