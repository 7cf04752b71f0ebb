package io.eventline.core.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The producer the process's request handlers write with (commands through their gateways, the
 * customers' own topic), one per distinct settings (but {@code client.id}): a producer is thread-safe,
 * and one batches the writes of every gateway together, with one network thread. Each caller closes
 * what it leased, once; the producer closes with its last lease. Not for transactions.
 */
public final class SharedProducer extends KafkaProducer<String, byte[]> {
    static final String CLIENT_ID = "eventline-requests";
    /**
     * How long a send may wait for the cluster's metadata (or for room in its buffer): a request must
     * not hang on a missing broker for the default minute before it can answer 503.
     */
    public static final int MAX_BLOCK_MS = 10_000;
    private static final Leases<SharedProducer> LEASES = new Leases<>();

    private final Map<String, Object> key;

    private SharedProducer(Map<String, Object> key, Map<?, ?> settings) {
        super(Leases.named(settings, ProducerConfig.configNames(), CLIENT_ID), new StringSerializer(),
                new ByteArraySerializer());
        this.key = key;
    }


    /**
     * A lease on the producer of requests over these client settings: idempotent and {@code acks=all}
     * (a write is durable once acknowledged, and a retry is not a duplicate), {@code linger.ms=1} (a
     * request waits a millisecond for others to share its batch), sends blocking {@value #MAX_BLOCK_MS}
     * ms at most.
     *
     * @param clientSettings bootstrap servers and any security settings
     */
    public static Producer<String, byte[]> forRequests(Map<?, ?> clientSettings) {
        Map<Object, Object> settings = new HashMap<>(clientSettings);
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        Map<String, Object> key = Leases.key(settings, ProducerConfig.configDef());
        return LEASES.lease(key, () -> new SharedProducer(key, settings));
    }

    @Override
    public void close() {
        close(Duration.ofMillis(Long.MAX_VALUE));
    }

    /** Ends this caller's lease; the last one closes the producer (sending what it still holds). */
    @Override
    public void close(Duration timeout) {
        if (LEASES.release(key, this)) {
            super.close(timeout);
        }
    }

    int leases() {
        return LEASES.leased(this);
    }
}
