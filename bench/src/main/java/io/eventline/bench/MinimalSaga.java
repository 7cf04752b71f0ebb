package io.eventline.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The order saga written by hand on raw Kafka clients: the floor of Eventline's design on this machine.
 * The same keys and key changes per order as Eventline's order workflow, order (order id) → account
 * (customer id: take the payment) → each sku (reserve stock) → shipment (order id) → order (order id:
 * shipped), each a {@link MinimalStage} (exactly-once, {@code read_committed}) on its own thread, with
 * its state in a {@link HashMap} (the floor: no store, no changelog). Routing fields travel in headers
 * (as Eventline's events carry {@code eventType} and {@code correlationId}); the value, an envelope's
 * worth of bytes, is passed on unread. A short balance or stock cancels the order without
 * compensation: the bench's orders all ship, and the floor only has to cost what shipping costs.
 */
final class MinimalSaga implements AutoCloseable {
    static final long START_BALANCE = 100_000_000; // minor units: 1,000,000.00, as SagaSetup deposits
    static final long START_STOCK = 1_000_000;
    static final long PRICE = 100; // minor units: Orders.PRICE, one unit per line

    private final MinimalTopics topics;
    private final List<MinimalStage> stages = new ArrayList<>();
    private final Map<String, String> status = new HashMap<>(); // order id → status; the orders stage's
    private final Map<String, Long> balances = new HashMap<>(); // customer id → balance; the accounts stage's
    private final Map<String, Long> stock = new HashMap<>(); // sku → units; the inventory stage's
    private final Map<String, Integer> reserved = new HashMap<>(); // order id → skus reserved; the shipments'

    private MinimalSaga(MinimalTopics topics) {
        this.topics = topics;
    }

    /** What the consumer group of each of its stages at {@code commitMs} begins with. */
    static String groupPrefix(int commitMs) {
        return "bench-minimal-" + commitMs + "ms-";
    }

    /** Starts the four stages on topics that exist; each stage's map is touched by its thread alone. */
    static MinimalSaga start(Cluster cluster, MinimalTopics topics, int commitMs) {
        MinimalSaga saga = new MinimalSaga(topics);
        String group = groupPrefix(commitMs);
        saga.stages.add(new MinimalStage(cluster, group + "orders", topics.orders(), commitMs, saga::order));
        saga.stages.add(new MinimalStage(cluster, group + "accounts", topics.accounts(), commitMs, saga::account));
        saga.stages.add(new MinimalStage(cluster, group + "inventory", topics.inventory(), commitMs, saga::sku));
        saga.stages.add(new MinimalStage(cluster, group + "shipments", topics.shipments(), commitMs, saga::shipment));
        return saga;
    }

    /** Places orders as a client would: an {@code order.place} record on the orders topic. */
    OrderPlacer placer(Cluster cluster, byte[] payload) {
        KafkaProducer<String, byte[]> producer = Clients.producer(cluster, Map.of());
        return new OrderPlacer() {
            @Override
            public void place(String orderId, String customerId, String sku) {
                Headers headers = new RecordHeaders();
                put(headers, "eventType", "order.place");
                put(headers, "correlationId", orderId);
                put(headers, "customerId", customerId);
                put(headers, "skus", sku);
                producer.send(new ProducerRecord<>(topics.orders(), null, orderId, payload, headers));
            }

            @Override
            public void close() {
                producer.close();
            }
        };
    }

    /** The first stage that stopped on its own, if any. */
    Optional<RuntimeException> failure() {
        return stages.stream().map(MinimalStage::failure).filter(e -> e != null).findFirst();
    }

    private void order(ConsumerRecord<String, byte[]> record, Consumer<ProducerRecord<String, byte[]>> out) {
        String orderId = record.key();
        switch (text(record, "eventType")) {
            case "order.place" -> {
                status.put(orderId, "PLACED");
                out.accept(next(record, topics.accounts(), text(record, "customerId"), "payment.take"));
            }
            case "shipment.scheduled" -> {
                status.put(orderId, "SHIPPED");
                out.accept(next(record, topics.outcomes(), orderId, "order.shipped"));
            }
            case "payment.failed", "stock.short" -> {
                status.put(orderId, "CANCELLED");
                out.accept(next(record, topics.outcomes(), orderId, "order.cancelled"));
            }
            default -> { } // a warm-up write: nothing to do
        }
    }

    private void account(ConsumerRecord<String, byte[]> record, Consumer<ProducerRecord<String, byte[]>> out) {
        if (!"payment.take".equals(text(record, "eventType"))) {
            return;
        }
        String customerId = record.key();
        String[] skus = text(record, "skus").split(",");
        long balance = balances.getOrDefault(customerId, START_BALANCE);
        if (balance < PRICE * skus.length) {
            out.accept(next(record, topics.orders(), orderId(record), "payment.failed"));
            return;
        }
        balances.put(customerId, balance - PRICE * skus.length);
        for (String sku : skus) {
            out.accept(next(record, topics.inventory(), sku, "stock.reserve"));
        }
    }

    private void sku(ConsumerRecord<String, byte[]> record, Consumer<ProducerRecord<String, byte[]>> out) {
        if (!"stock.reserve".equals(text(record, "eventType"))) {
            return;
        }
        long units = stock.getOrDefault(record.key(), START_STOCK);
        if (units < 1) {
            out.accept(next(record, topics.orders(), orderId(record), "stock.short"));
            return;
        }
        stock.put(record.key(), units - 1);
        out.accept(next(record, topics.shipments(), orderId(record), "stock.reserved"));
    }

    private void shipment(ConsumerRecord<String, byte[]> record, Consumer<ProducerRecord<String, byte[]>> out) {
        if (!"stock.reserved".equals(text(record, "eventType"))) {
            return;
        }
        String orderId = record.key();
        int skus = text(record, "skus").split(",").length;
        if (reserved.merge(orderId, 1, Integer::sum) == skus) { // every line reserved: ship
            reserved.remove(orderId);
            out.accept(next(record, topics.orders(), orderId, "shipment.scheduled"));
        }
    }

    /** The record a stage writes on: the same value and routing headers, a new key and type. */
    private static ProducerRecord<String, byte[]> next(ConsumerRecord<String, byte[]> from, String topic, String key,
                                                       String type) {
        Headers headers = new RecordHeaders();
        for (Header header : from.headers()) {
            if (!header.key().equals("eventType")) {
                headers.add(header);
            }
        }
        put(headers, "eventType", type);
        return new ProducerRecord<>(topic, null, key, from.value(), headers);
    }

    private static String orderId(ConsumerRecord<String, byte[]> record) {
        return text(record, "correlationId");
    }

    private static String text(ConsumerRecord<String, byte[]> record, String header) {
        Header h = record.headers().lastHeader(header);
        return h == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        stages.forEach(MinimalStage::close);
    }
}
