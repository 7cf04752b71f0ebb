package io.eventline.core.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The consumer a Kafka Streams application restores its stores with (its state updater's, when the
 * application keeps no standby replicas): Kafka's own, but its fetches wait at most
 * {@link #FETCH_WAIT_MS} at the broker for records (unless the settings say), and its polls block at most
 * {@link #LONGEST_POLL}, not Kafka Streams' {@code poll.ms} (100 ms).
 *
 * <p>Why: a task's store is ready once its changelog is read to its end, and the state updater finds
 * that out only after it has asked the consumer for the changelog's position (a {@code ListOffsets}) and
 * polled it once. A broker answers one connection's requests in turn, so the position waited behind the
 * fetch the consumer had in flight for the changelogs before, which the broker held back for want of
 * records up to {@code fetch.max.wait.ms} (500 ms); and the poll blocked its whole {@code poll.ms}. A new
 * application's six tasks, their changelogs empty, took 630 ms to become RUNNING, one batch after
 * another, against 250 ms with these waits (docs/performance.md: a read model's rebuild). Every start,
 * restart, rebuild and rebalance went through that wait. A record ends a fetch's wait and a poll at once,
 * so restoring a store with records is as before.
 *
 * <p>What it costs: with no standby replicas the state updater polls only while an active task
 * restores, and waits for new tasks without polling once every changelog is read; a standby's changelog
 * is never read to its end, and its updates would fetch a hundred times a second: so with standbys
 * ({@code num.standby.replicas} above 0) the restore consumer is Kafka's own ({@link RestingClients}).
 */
final class RestoreConsumer extends KafkaConsumer<byte[], byte[]> {
    static final int FETCH_WAIT_MS = 10;
    static final Duration LONGEST_POLL = Duration.ofMillis(10);

    RestoreConsumer(Map<String, Object> configs) {
        super(settings(configs), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The restore consumer's settings: the short fetch wait unless the client settings give one. */
    static Map<String, Object> settings(Map<String, Object> configs) {
        Map<String, Object> settings = new HashMap<>(configs);
        settings.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_WAIT_MS);
        return settings;
    }

    @Override
    public ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
        return super.poll(shortened(timeout));
    }

    static Duration shortened(Duration timeout) {
        return timeout.compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : timeout;
    }
}
