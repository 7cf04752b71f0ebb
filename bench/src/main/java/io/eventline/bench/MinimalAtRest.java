package io.eventline.bench;

import io.eventline.app.broker.EmbeddedBroker;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The minimal saga at rest, as {@code ./eventline run} is measured at rest: its four stages in one JVM
 * with an embedded broker of Eventline's settings, on an empty data dir, no order placed. What this
 * costs is the floor of the design at rest: the broker, and the consume-transform-produce loops that
 * an exactly-once saga cannot do without, each polling for work. {@link ColdStart} starts it as a
 * process of its own ({@code MinimalAtRest DATA_DIR}) and measures it like the run; it stops on SIGTERM.
 */
public final class MinimalAtRest {
    static final String READY = "the minimal saga at rest: ready in ";
    /** At Eventline's default commit interval. */
    static final int COMMIT_MS = io.eventline.core.kafka.StreamsSettings.DEFAULT_COMMIT_INTERVAL_MS;

    private MinimalAtRest() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: MinimalAtRest DATA_DIR");
            System.exit(2);
        }
        long started = System.nanoTime();
        EmbeddedBroker broker = EmbeddedBroker.start(Path.of(args[0]), "127.0.0.1", 0);
        Cluster cluster = new Cluster(broker.bootstrapServers());
        MinimalTopics topics = MinimalTopics.of(COMMIT_MS);
        cluster.create(topics.all(), Map.of());
        MinimalSaga saga = MinimalSaga.start(cluster, topics, COMMIT_MS);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            saga.close();
            cluster.close();
            broker.close();
            stopped.countDown();
        }, "minimal-at-rest-stop"));
        System.out.printf("%s%.1f s%n", READY, (System.nanoTime() - started) / 1e9);
        System.out.flush();
        stopped.await();
    }
}
