package io.eventline.core.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The version of the Kafka clients this JVM runs, from the file their jar carries ({@code
 * kafka/kafka-version.properties}); Kafka's own reader of it moved to an internal package in 4.4.
 */
public final class KafkaVersion {
    private KafkaVersion() {
    }

    /** E.g. {@code 4.4.0}; {@code unknown} if the jar carries no version. */
    public static String ofClients() {
        try (InputStream in = KafkaProducer.class.getResourceAsStream("/kafka/kafka-version.properties")) {
            Properties version = new Properties();
            if (in != null) {
                version.load(in);
            }
            return version.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Kafka clients' version", e);
        }
    }
}
