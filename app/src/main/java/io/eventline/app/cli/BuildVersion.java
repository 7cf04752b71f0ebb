package io.eventline.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * {@code --version}: the versions the build wrote into {@code version.properties}, so that the number
 * printed is the pom's, not a second copy kept by hand.
 */
public final class BuildVersion implements CommandLine.IVersionProvider {
    private static final String RESOURCE = "version.properties";

    /** The project's version as the pom has it, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String eventline() {
        return read().getProperty("eventline.version");
    }

    @Override
    public String[] getVersion() {
        Properties versions = read();
        return new String[] {"Eventline " + versions.getProperty("eventline.version"),
                "Apache Kafka " + versions.getProperty("kafka.version") + " (clients, Streams and the embedded broker)"};
    }

    private static Properties read() {
        try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build: rebuild with ./mvnw package");
            }
            Properties versions = new Properties();
            versions.load(in);
            return versions;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
