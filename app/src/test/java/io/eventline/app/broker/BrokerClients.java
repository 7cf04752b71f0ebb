package io.eventline.app.broker;

import static java.time.Duration.ofSeconds;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients against an {@link EmbeddedBroker}, for its tests: strings, partition 0. */
final class BrokerClients {

    private final String bootstrapServers;

    BrokerClients(EmbeddedBroker broker) {
        this.bootstrapServers = broker.bootstrapServers();
    }

    Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", bootstrapServers));
    }

    void createTopic(String topic) throws ExecutionException, InterruptedException {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    void produce(String topic, String key, String value) throws ExecutionException, InterruptedException {
        try (KafkaProducer<String, String> producer = producer(Map.of())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    void commitInTransaction(String topic, String transactionalId, String key, String value) {
        try (KafkaProducer<String, String> producer = producer(Map.of("transactional.id", transactionalId))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, key, value));
            producer.commitTransaction();
        }
    }

    /** A transactional producer, for a test that holds a transaction open. */
    KafkaProducer<String, String> transactionalProducer(String transactionalId) {
        return producer(Map.of("transactional.id", transactionalId));
    }

    void abortInTransaction(String topic, String transactionalId, String key, String value) {
        try (KafkaProducer<String, String> producer = producer(Map.of("transactional.id", transactionalId))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, key, value));
            producer.abortTransaction();
        }
    }

    void commitOffset(String group, TopicPartition partition, long offset) {
        try (KafkaConsumer<String, String> consumer = consumer(Map.of("group.id", group))) {
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(offset)));
        }
    }

    /** Reads partition 0 from the start until {@code count} records came, as "key=value". */
    List<String> consume(String topic, String isolationLevel, int count) {
        List<String> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(Map.of("isolation.level", isolationLevel))) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            await().atMost(ofSeconds(30)).pollInSameThread().until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(ofSeconds(1))) {
                    records.add(record.key() + "=" + record.value());
                }
                return records.size() >= count;
            });
        }
        return records;
    }

    private KafkaProducer<String, String> producer(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put("bootstrap.servers", bootstrapServers);
        config.put("acks", "all");
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private KafkaConsumer<String, String> consumer(Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put("bootstrap.servers", bootstrapServers);
        config.put("enable.auto.commit", "false");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
