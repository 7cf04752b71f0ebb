package io.eventline.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The raw clients of the baselines, with the settings the header prints. */
final class Clients {
    /** Idempotent, every replica acknowledges, 5 ms to fill a batch of up to 64 KiB, uncompressed. */
    static final Map<String, Object> PRODUCER = Map.of(
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.LINGER_MS_CONFIG, 5,
            ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024,
            ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
    /** As many records a poll as Kafka Streams takes. */
    static final int MAX_POLL_RECORDS = 1000;

    private Clients() {
    }

    static KafkaProducer<String, byte[]> producer(Cluster cluster, Map<String, Object> extra) {
        Properties props = new Properties();
        props.putAll(cluster.clientSettings());
        props.putAll(PRODUCER);
        props.putAll(extra);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Writes {@code count} records made by {@code record} and waits until every one is acknowledged.
     *
     * @throws IllegalStateException naming the first failure, e.g. a batch that expired unsent
     */
    static void fill(Cluster cluster, int count, IntFunction<ProducerRecord<String, byte[]>> record) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = producer(cluster,
                Map.of(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000,
                        // One request in flight: a refused batch is never overtaken by the next, which
                        // transactions v2 then refuses as out of order (see Cluster.create).
                        ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1))) {
            for (int i = 0; i < count && failure.get() == null; i++) {
                producer.send(record.apply(i), (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("writing the input failed: " + failure.get().getMessage(), failure.get());
        }
    }

    /** A consumer that reads committed records only; with a group id when {@code group} is not null. */
    static KafkaConsumer<String, byte[]> consumer(Cluster cluster, String group) {
        Map<String, Object> props = new HashMap<>(cluster.clientSettings());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        if (group != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Every partition of the topics, assigned (no group rebalance to wait for). */
    static List<TopicPartition> assignAll(KafkaConsumer<?, ?> consumer, List<String> topics) {
        List<TopicPartition> partitions = topics.stream().flatMap(topic -> consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))).toList();
        consumer.assign(partitions);
        return partitions;
    }
}
