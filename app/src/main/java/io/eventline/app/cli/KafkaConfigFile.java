package io.eventline.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** {@code --kafka-config FILE}: Kafka client settings (TLS, SASL) in a properties file, passed through. */
final class KafkaConfigFile {
    private KafkaConfigFile() {
    }

    /**
     * @param file null: no settings
     * @throws IllegalArgumentException naming the option when the file cannot be read
     */
    static Map<String, String> load(Path file) {
        if (file == null) {
            return Map.of();
        }
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("--kafka-config: cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> settings = new HashMap<>();
        props.stringPropertyNames().forEach(name -> settings.put(name, props.getProperty(name)));
        return settings;
    }
}
