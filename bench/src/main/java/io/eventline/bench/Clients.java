package io.eventline.bench;

import io.eventline.core.kafka.StreamsSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
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
import org.apache.kafka.streams.StreamsConfig;

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

    /**
     * One acknowledged record in each partition of {@code topic}, each by a producer of its own, before
     * a measured producer starts: a leader in {@code describeTopics} does not yet mean the broker takes
     * writes there, and a first batch refused then leaves an idempotent producer's later batches refused
     * as out of order (transactions v2) until they expire. A refused warm-up is retried by a new producer.
     *
     * @throws IllegalStateException when a partition refuses five producers in a row
     */
    static void warmUp(Cluster cluster, String topic, byte[] value) {
        int partitions;
        try (KafkaProducer<String, byte[]> producer = producer(cluster, Map.of())) {
            partitions = producer.partitionsFor(topic).size();
        }
        for (int partition = 0; partition < partitions; partition++) {
            Exception last = null;
            for (int attempt = 0; attempt < 5; attempt++) {
                try (KafkaProducer<String, byte[]> producer = producer(cluster,
                        Map.of(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000,
                                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
                    producer.send(new ProducerRecord<>(topic, partition, "warm-up", value)).get();
                    last = null;
                    break;
                } catch (ExecutionException e) {
                    last = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while warming " + topic + " up", e);
                }
            }
            if (last != null) {
                throw new IllegalStateException(topic + "-" + partition + " refused every warm-up write", last);
            }
        }
    }

    /** A consumer that reads committed records only; with a group id when {@code group} is not null. */
    /** A hand-written Kafka Streams baseline's settings: exactly-once v2, one stream thread. */
    static Properties streams(Cluster cluster, String application, Path stateDir, int commitMs) {
        Properties props = new Properties();
        props.putAll(cluster.clientSettings());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, application);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitMs);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        // Eventline's producer batch, so that a job by hand differs from Eventline's by the framework only.
        props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), StreamsSettings.PRODUCER_BATCH_BYTES);
        return props;
    }

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
