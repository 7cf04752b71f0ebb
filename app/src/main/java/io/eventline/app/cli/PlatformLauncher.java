package io.eventline.app.cli;

import io.eventline.app.Eventline;
import io.eventline.app.EventlineConfig;
import io.eventline.app.broker.DataDirLock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Starts Eventline, says where it listens once ready, and runs until Ctrl-C stops it cleanly. */
final class PlatformLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformLauncher.class);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

    private PlatformLauncher() {
    }

    static int runUntilStopped(EventlineConfig config, CommandLine commandLine) throws Exception {
        LOG.info("Starting Eventline: {}", config.describe());
        long startedAt = System.nanoTime();
        // Before anything is written there: a second process would share the state and the instance id.
        DataDirLock lock = DataDirLock.forServices(config.dataDir());
        Eventline eventline;
        try {
            eventline = Eventline.start(config);
        } catch (RuntimeException | Error e) {
            lock.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("eventline-shutdown").unstarted(() -> {
            LOG.info("Stopping Eventline");
            eventline.close();
            lock.close();
            stopped.countDown();
        }));
        eventline.awaitReady(READY_TIMEOUT);
        String host = "0.0.0.0".equals(config.http().bind()) ? "127.0.0.1" : config.http().bind();
        commandLine.getOut().printf("Eventline is ready in %.1f s%n  console  http://%s:%d/%n  API      http://%s:%d/api%n"
                        + "  services %s%n  broker   %s%n  topics   %s%n%s  data     %s%nCtrl-C stops it.%n",
                (System.nanoTime() - startedAt) / 1e9, host, eventline.httpPort(), host, eventline.httpPort(),
                String.join(",", config.services()), eventline.bootstrapServers(), eventline.topicLayout(),
                catalogLines(eventline), config.dataDir().toAbsolutePath().normalize());
        commandLine.getOut().flush();
        stopped.await();
        return 0;
    }

    /** Where the catalog's PostgreSQL and Kafka Connect are, when it runs: for psql and curl. */
    private static String catalogLines(Eventline eventline) {
        return eventline.catalogDatabase().map(database -> String.format(
                "  postgres %s (user %s, port %d, database %s)%n  connect  %s%n", database.url(), database.user(),
                database.port(), database.database(), eventline.connectUrl().orElseThrow())).orElse("");
    }
}
