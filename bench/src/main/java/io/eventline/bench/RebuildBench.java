package io.eventline.bench;

import io.eventline.core.kafka.StreamsSettings;
import io.eventline.core.projection.Projection;
import io.eventline.core.projection.ProjectionRunner;
import io.eventline.core.projection.ProjectionVersions;
import io.eventline.orders.OrderViewProjector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;

/**
 * A read model rebuilt from offset 0 by core's {@link ProjectionRunner} (the orders view's projector,
 * over {@code order.placed} events of distinct orders), timed from {@code rebuild()} to the cut-over,
 * against a plain consumer reading the same topic from offset 0.
 */
final class RebuildBench {
    static final String TOPIC = "bench.orders.events";

    private RebuildBench() {
    }

    static Results.Rebuild run(Cluster cluster, int events, Path stateDir, Progress progress) {
        var orders = OrderViewProjector.PROJECTION;
        var projection = new Projection<>("bench-orders-view", List.of(TOPIC), orders.viewType(), orders.projector(),
                orders.rekey());
        cluster.create(TOPIC, StreamsSettings.deadLetterTopic(projection.applicationId(1)));
        cluster.create(List.of(ProjectionVersions.TOPIC),
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        fill(cluster, events);
        try (var runner = new ProjectionRunner<>(projection, cluster.clientSettings(), Map.of(), stateDir)) {
            runner.start();
            awaitCaughtUp(cluster, projection.applicationId(1), events);
            progress.note(String.format("v1 built from %,d events; rebuilding v2", events));
            long started = System.nanoTime();
            runner.rebuild();
            while (runner.status().activeVersion() != 2) {
                Pause.of(Duration.ofMillis(20));
            }
            Throughput rebuild = Throughput.since(events, started);
            Throughput raw = readAll(cluster);
            progress.note(String.format("rebuild %.0f events/s, raw consumer %.0f records/s", rebuild.perSecond(),
                    raw.perSecond()));
            return new Results.Rebuild(rebuild, raw);
        }
    }

    private static void fill(Cluster cluster, int events) {
        Clients.fill(cluster, events, i -> new ProducerRecord<>(TOPIC, Orders.id("view", i),
                Orders.placedEvent(Orders.id("view", i), "c-" + i % 100, "sku-" + i % 20)));
    }

    private static void awaitCaughtUp(Cluster cluster, String group, long events) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (cluster.committed(group, TOPIC) < events) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the read model's v1 had not read its topic 5 minutes on");
            }
            Pause.of(Duration.ofMillis(100));
        }
    }

    /** A plain consumer from offset 0 to the end: Kafka's own rate for the same read. */
    private static Throughput readAll(Cluster cluster) {
        long end = cluster.endOffset(TOPIC);
        long started = System.nanoTime();
        long read = 0;
        try (KafkaConsumer<String, byte[]> consumer = Clients.consumer(cluster, null)) {
            consumer.seekToBeginning(Clients.assignAll(consumer, List.of(TOPIC)));
            while (read < end) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
                read += records.count();
            }
        }
        return Throughput.since(read, started);
    }
}
