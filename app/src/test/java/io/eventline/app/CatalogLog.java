package io.eventline.app;

import io.eventline.catalog.PostgresAddress;
import io.eventline.contracts.catalog.CatalogContracts;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.core.envelope.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What {@link CatalogEndToEndTest} does around the platform: plain SQL, and Kafka read and written directly. */
final class CatalogLog {
    private CatalogLog() {
    }

    /** An {@code order.shipped} of two teapots, as the orders service would write it (it does not run here). */
    static void ship(String bootstrap, String orderId) throws Exception {
        String event = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"eventType\":\"order.shipped\",\"version\":1,"
                + "\"timestamp\":\"2026-12-04T10:00:00.000Z\",\"aggregateId\":\"" + orderId + "\",\"data\":{\"orderId\":\""
                + orderId + "\",\"customerId\":\"alice\",\"items\":[{\"sku\":\"teapot\",\"quantity\":2,\"price\":30.00}],"
                + "\"currency\":\"EUR\",\"total\":60.00},\"metadata\":{\"correlationId\":\"" + orderId
                + "\",\"causationId\":\"" + orderId + "\",\"source\":\"orders\"}}";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(OrderContracts.TOPIC, orderId, event)).get();
        }
    }

    static void sql(PostgresAddress database, String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    /** Each row of the query's answer as its columns' text, joined by a space. */
    static List<String> rows(PostgresAddress database, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement sql = connection.createStatement();
             ResultSet answer = sql.executeQuery(query)) {
            int columns = answer.getMetaData().getColumnCount();
            while (answer.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(answer.getString(i));
                }
                rows.add(String.join(" ", row));
            }
        }
        return rows;
    }

    /** A record on {@code topic} as any producer could write it. */
    static void send(String bootstrap, String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    static KafkaConsumer<String, String> consumer(String bootstrap) {
        return consumer(bootstrap, CatalogContracts.TOPIC);
    }

    static KafkaConsumer<String, String> consumer(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /** Per sku, in offset order: each event's price, or {@code tombstone}. */
    static Map<String, List<String>> pricesBySku(List<ConsumerRecord<String, String>> records)
            throws IOException {
        Map<String, List<String>> prices = new TreeMap<>();
        for (ConsumerRecord<String, String> record : records) {
            String price = record.value() == null ? "tombstone"
                    : Json.readTree(record.value().getBytes(StandardCharsets.UTF_8)).get("data").get("price").toString();
            prices.computeIfAbsent(record.key(), sku -> new ArrayList<>()).add(price);
        }
        return prices;
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
