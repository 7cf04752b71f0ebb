package io.eventline.app.broker;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import kafka.server.KafkaConfig;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Formats the broker's log dirs the way {@code kafka-storage.sh format --ignore-formatted} does. */
final class StorageFormat {

    private static final Logger LOG = LoggerFactory.getLogger(StorageFormat.class);

    private StorageFormat() {
    }

    /**
     * Formats the dirs still empty and leaves formatted ones alone, so the first start and every
     * restart run the same code. A static quorum ({@code controller.quorum.voters}) keeps
     * {@code kraft.version} at 0: no controller address is written into the metadata log, which is
     * what lets each start pick a new controller port.
     */
    static void format(KafkaConfig config, String clusterId) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(printStream)
                    .setClusterId(clusterId)
                    .setNodeId(config.nodeId())
                    .setControllerListenerName(config.controllerListenerNames().getFirst())
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setDirectories(directories(config))
                    .setIgnoreFormatted(true)
                    .run();
        } finally {
            // The formatter prints to stdout unless told otherwise; its lines only matter when debugging.
            LOG.debug("Kafka storage formatter: {}", output.toString(StandardCharsets.UTF_8).strip());
        }
    }

    // The formatter wants the metadata dir among the dirs, also when an override moves it elsewhere.
    private static Set<String> directories(KafkaConfig config) {
        Set<String> directories = new TreeSet<>(config.logDirs());
        directories.add(config.metadataLogDir());
        return directories;
    }
}
