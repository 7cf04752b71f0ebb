package io.eventline.core.kafka;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams settings every Eventline service runs with: exactly-once v2 (a command's events,
 * reply and state change commit together or not at all), explicit names for every internal topic and
 * store, and state on disk under the service's own directory.
 */
public final class StreamsSettings {
    private StreamsSettings() {
    }

    /**
     * @param clientSettings bootstrap servers and security settings; they win over nothing here but
     *     are applied first so that a service cannot silently drop them
     */
    public static Properties exactlyOnce(String applicationId, Map<String, Object> clientSettings, Path stateDir,
                                         String instanceId) {
        Properties props = exactlyOnce(applicationId, clientSettings, stateDir);
        // Static membership: a process that restarts (even after SIGKILL) under the same id takes its
        // partitions straight back, instead of waiting out the dead member's session (45 s).
        // Streams appends each thread's index to it.
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
                applicationId + "-" + instanceId);
        return props;
    }

    public static Properties exactlyOnce(String applicationId, Map<String, Object> clientSettings, Path stateDir) {
        Properties props = new Properties();
        props.putAll(clientSettings);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        // Under EOS a reader sees a record once its transaction commits: this interval is the floor
        // of every hop's latency (KAFKA-NOTES: 73 ms p50 at 100 ms).
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        return props;
    }
}
