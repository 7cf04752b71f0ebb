package io.eventline.app;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * What a running service's routes may use: its own streams (for interactive queries), the Kafka
 * client settings (for gateways and producers), and a way to have a resource closed at shutdown.
 */
record ModuleContext(KafkaStreams streams, Map<String, Object> clientSettings, Duration commandTimeout,
                     Consumer<AutoCloseable> closeAtShutdown) {
    <T extends AutoCloseable> T closing(T resource) {
        closeAtShutdown.accept(resource);
        return resource;
    }
}
