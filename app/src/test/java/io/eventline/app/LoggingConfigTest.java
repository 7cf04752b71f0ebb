package io.eventline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The loggers that logback.xml quiets by class name name classes that exist: a dependency that moves a
 * class to another package (Kafka 4.4 moved DefaultAutoTopicCreationManager from kafka.server to
 * org.apache.kafka.server) would otherwise bring back, silently, the lines the setting was there to quiet.
 */
class LoggingConfigTest {
    private static final Pattern LOGGER = Pattern.compile("<logger name=\"([^\"]+)\"");

    @Test
    void shouldNameOnlyClassesThatExistWhereItNamesAClass() throws IOException {
        List<String> classes = new ArrayList<>();
        try (InputStream config = Eventline.class.getResourceAsStream("/logback.xml")) {
            Matcher loggers = LOGGER.matcher(new String(config.readAllBytes(), StandardCharsets.UTF_8));
            while (loggers.find()) {
                String name = loggers.group(1);
                String last = name.substring(name.lastIndexOf('.') + 1);
                if (!last.isEmpty() && Character.isUpperCase(last.charAt(0))) {
                    classes.add(name); // a class's logger; the others are packages, or named loggers
                }
            }
        }

        assertThat(classes).contains("org.apache.kafka.server.DefaultAutoTopicCreationManager")
                .allSatisfy(name -> assertThat(exists(name)).as(name + " on the class path").isTrue());
    }

    private static boolean exists(String className) {
        try {
            Class.forName(className, false, LoggingConfigTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
