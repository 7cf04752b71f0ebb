package io.eventline.app;

import io.eventline.core.decider.Aggregate;
import io.eventline.core.dlq.DeadLetterReason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes records no service can read onto its topics with a raw producer, as a buggy or newer producer
 * would: garbage bytes, an unknown type, a future version, data that does not fit. Remembers where
 * each landed and the reason it must be dead-lettered for.
 */
final class BadRecords implements AutoCloseable {
    enum Kind {
        GARBAGE(DeadLetterReason.UNREADABLE),
        UNKNOWN_TYPE(DeadLetterReason.UNKNOWN_TYPE),
        FUTURE_VERSION(DeadLetterReason.UNSUPPORTED_VERSION),
        DATA_THAT_DOES_NOT_FIT(DeadLetterReason.MALFORMED_DATA);

        final DeadLetterReason reason;

        Kind(DeadLetterReason reason) {
            this.reason = reason;
        }
    }

    /** One bad record, where it landed. */
    record Written(String topic, int partition, long offset, Kind kind) {
        String source() {
            return topic + "-" + partition + "@" + offset;
        }
    }

    private final KafkaProducer<String, byte[]> producer;
    private final List<Written> written = new ArrayList<>();
    private int sequence;

    BadRecords(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** One bad record of each kind on each aggregate's event topic, and on each one's command topic. */
    void writeEach(List<Aggregate<?, ?, ?>> events, List<Aggregate<?, ?, ?>> commands) throws Exception {
        for (Kind kind : Kind.values()) {
            for (Aggregate<?, ?, ?> aggregate : events) {
                String key = "bad-" + (++sequence);
                write(aggregate.eventTopic(), key, event(aggregate, kind, key), kind);
            }
            for (Aggregate<?, ?, ?> aggregate : commands) {
                String key = "bad-" + (++sequence);
                write(aggregate.commandTopic(), key, command(aggregate, kind, key), kind);
            }
        }
    }

    /** Writes straight to a topic, e.g. a dead letter in a dead-letter topic. */
    RecordMetadata raw(String topic, String key, byte[] value, Map<String, String> headers)
            throws ExecutionException, InterruptedException {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        return producer.send(record).get();
    }

    List<Written> written() {
        return List.copyOf(written);
    }

    private void write(String topic, String key, byte[] value, Kind kind) throws Exception {
        RecordMetadata landed = producer.send(new ProducerRecord<>(topic, key, value)).get();
        written.add(new Written(topic, landed.partition(), landed.offset(), kind));
    }

    private static byte[] event(Aggregate<?, ?, ?> aggregate, Kind kind, String key) {
        String type = aggregate.events().types().iterator().next().name();
        return switch (kind) {
            case GARBAGE -> new byte[] {(byte) 0xFF, 'g', 'a', 'r', 'b', 'a', 'g', 'e', 0};
            case UNKNOWN_TYPE -> event(aggregate.name() + ".unheard-of", 1, key, "{}");
            case FUTURE_VERSION -> event(type, 99, key, "{}");
            case DATA_THAT_DOES_NOT_FIT -> event(type, 1, key, "{\"unexpected\":true}");
        };
    }

    private static byte[] command(Aggregate<?, ?, ?> aggregate, Kind kind, String key) {
        String type = aggregate.commands().types().iterator().next().name();
        return switch (kind) {
            case GARBAGE -> "{\"commandId\":".getBytes(StandardCharsets.UTF_8);
            case UNKNOWN_TYPE -> command(aggregate.name() + ".unheard-of", 1, key, "{}");
            case FUTURE_VERSION -> command(type, 99, key, "{}");
            case DATA_THAT_DOES_NOT_FIT -> command(type, 1, key, "{\"unexpected\":true}");
        };
    }

    private static byte[] event(String type, int version, String key, String data) {
        return ("{\"eventId\":\"" + UUID.randomUUID() + "\",\"eventType\":\"" + type + "\",\"version\":" + version
                + ",\"timestamp\":\"2026-01-01T00:00:00.000Z\",\"aggregateId\":\"" + key + "\",\"data\":" + data
                + ",\"metadata\":{\"correlationId\":\"" + key + "\",\"causationId\":\"" + key
                + "\",\"source\":\"rogue\"}}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] command(String type, int version, String key, String data) {
        return ("{\"commandId\":\"" + key + "\",\"commandType\":\"" + type + "\",\"version\":" + version
                + ",\"aggregateId\":\"" + key + "\",\"data\":" + data + ",\"metadata\":{\"correlationId\":\"" + key
                + "\",\"causationId\":\"" + key + "\",\"source\":\"rogue\"}}").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
