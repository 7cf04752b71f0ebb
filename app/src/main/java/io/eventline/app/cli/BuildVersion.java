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
final class BuildVersion implements CommandLine.IVersionProvider {
    private static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() {
        Properties versions = read();
        return new String[] {"Eventline " + versions.getProperty("eventline.version"),
                "Apache Kafka " + versions.getProperty("kafka.version") + " (clients, Streams and the embedded broker)"};
    }

    static Properties read() {
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
