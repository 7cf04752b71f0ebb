package io.eventline.bench;

import io.eventline.contracts.orders.OrderCommand;
import io.eventline.core.decider.Aggregate;
import io.eventline.core.decider.CommandGateway;
import io.eventline.core.decider.DeciderTopology;
import io.eventline.core.kafka.Sources;
import io.eventline.core.kafka.StreamsSettings;
import io.eventline.orders.OrdersService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

/**
 * One aggregate command hop on Eventline's decider runtime: {@code PlaceOrder} → the orders decider →
 * {@code order.placed} + the reply, with the snapshot and history stores, in one Streams application
 * as a service runs it, under exactly-once or at-least-once. Throughput over commands written
 * beforehand; latency through {@link CommandGateway} at a fixed rate, on an idle application.
 */
final class CommandHop {
    static final String AGGREGATE = "bench-hop";

    enum Guarantee {
        EXACTLY_ONCE(StreamsConfig.EXACTLY_ONCE_V2), AT_LEAST_ONCE(StreamsConfig.AT_LEAST_ONCE);

        final String config;

        Guarantee(String config) {
            this.config = config;
        }

        String label() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    private final Cluster cluster;
    private final Path stateDir;
    private final int commitMs;

    CommandHop(Cluster cluster, Path stateDir, int commitMs) {
        this.cluster = cluster;
        this.stateDir = stateDir;
        this.commitMs = commitMs;
    }

    /** The orders aggregate under another name: its own topics and stores, the same decider and messages. */
    static <C, S, E> Aggregate<C, S, E> renamed(Aggregate<C, S, E> aggregate, String name) {
        return aggregate.named(name); // its entries and reply summary too, as the platform runs it
    }

    /** Creates the hop's topics; the throughput runs read {@code bench-hop.commands}. */
    static void createTopics(Cluster cluster, Aggregate<?, ?, ?> aggregate, Guarantee... guarantees) {
        cluster.create(aggregate.commandTopic(), aggregate.eventTopic(), aggregate.replyTopic());
        for (Guarantee guarantee : guarantees) {
            cluster.create(StreamsSettings.deadLetterTopic(applicationId(aggregate, guarantee)));
        }
    }

    Throughput throughput(Guarantee guarantee, Duration length, Progress progress) {
        var aggregate = renamed(OrdersService.AGGREGATE, AGGREGATE);
        try (KafkaStreams streams = streams(aggregate, guarantee)) {
            return StreamsRate.measure(cluster, streams, applicationId(aggregate, guarantee),
                    aggregate.commandTopic(), length, progress);
        }
    }

    LatencySummary latency(Guarantee guarantee, double rate, Duration length, Progress progress) {
        Aggregate<OrderCommand, ?, ?> aggregate = renamed(OrdersService.AGGREGATE, AGGREGATE + "-latency-"
                + guarantee.label());
        createTopics(cluster, aggregate, guarantee);
        LatencyRecorder latencies = new LatencyRecorder(rate);
        try (KafkaStreams streams = streams(aggregate, guarantee)) {
            StreamsRate.awaitRunning(streams);
            try (var gateway = new CommandGateway<>(aggregate, cluster.clientSettings(), Duration.ofSeconds(30))) {
                long sent = new OpenLoop(rate).run(length, (index, intended) -> gateway
                        .send(Orders.id("hop", index), Orders.place(Orders.id("hop", index), "c-1", "sku-1"), "bench")
                        .whenComplete((reply, error) -> {
                            if (error == null && reply.accepted()) {
                                latencies.record(intended, System.nanoTime());
                            } else {
                                latencies.failed(1);
                            }
                        }));
                awaitAnswers(latencies, sent);
            }
        }
        LatencySummary summary = latencies.summary();
        progress.note(String.format("%,d commands at %.0f/s: p50 %.1f ms, p99 %.1f ms", summary.count(), rate,
                summary.p50(), summary.p99()));
        return summary;
    }

    /** Waits for every answer; one not there after the gateway's timeout and a margin counts as failed. */
    private static void awaitAnswers(LatencyRecorder latencies, long sent) {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (answered(latencies) < sent && System.nanoTime() < deadline) {
            Pause.of(Duration.ofMillis(50));
        }
        latencies.failed(sent - answered(latencies));
    }

    private static long answered(LatencyRecorder latencies) {
        LatencySummary now = latencies.summary();
        return now.count() + now.failed();
    }

    /** Writes {@code count} {@code PlaceOrder} commands, each for a new order; returns a command's size. */
    static int fill(Cluster cluster, int count) {
        return fill(cluster, renamed(OrdersService.AGGREGATE, AGGREGATE).commandTopic(), count);
    }

    private static int fill(Cluster cluster, String topic, int count) {
        Clients.fill(cluster, count, i -> new ProducerRecord<>(topic, Orders.id("hop", i),
                Orders.placeCommand(Orders.id("hop", i), "c-" + i % 100, "sku-" + i % 20)));
        return Orders.placeCommand(Orders.id("hop", 0), "c-0", "sku-0").length;
    }

    /**
     * The hop run untimed under each guarantee, on topics of its own, until its rate is steady (at most
     * {@code cap} each: {@link StreamsRate#untilSteady}): the measured runs then run compiled code. Why:
     * the hop's rate climbs with the JVM's warmth, and the bench measured exactly-once first:
     * at-least-once, measured second, came out twice as fast. In one JVM, in turn (6 December, 12 s
     * each): at-least-once 5,932, exactly-once 10,456, at-least-once 14,352, exactly-once 17,663
     * commands/s; a fixed warm-up of 3.3 s each still left exactly-once at 81 % of at-least-once.
     *
     * @return the topic of the commands it wrote, for another warm-up of the same job
     */
    String warmUp(int commands, Duration window, Duration cap, Progress progress) {
        var aggregate = renamed(OrdersService.AGGREGATE, AGGREGATE + "-warm-up");
        createTopics(cluster, aggregate, Guarantee.values());
        fill(cluster, aggregate.commandTopic(), commands);
        for (Guarantee guarantee : Guarantee.values()) {
            try (KafkaStreams streams = streams(aggregate, guarantee)) {
                StreamsRate.untilSteady(cluster, streams, applicationId(aggregate, guarantee),
                        aggregate.commandTopic(), window, cap, progress);
            }
        }
        return aggregate.commandTopic();
    }

    private KafkaStreams streams(Aggregate<?, ?, ?> aggregate, Guarantee guarantee) {
        StreamsBuilder builder = new StreamsBuilder();
        DeciderTopology.addTo(new Sources(builder), aggregate);
        Properties props = StreamsSettings.exactlyOnce(applicationId(aggregate, guarantee),
                java.util.Map.of("bootstrap.servers", cluster.bootstrap(),
                        StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitMs),
                stateDir.resolve(applicationId(aggregate, guarantee)));
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee.config);
        return new KafkaStreams(builder.build(props), props);
    }

    static String applicationId(Aggregate<?, ?, ?> aggregate, Guarantee guarantee) {
        return "eventline-" + aggregate.name() + "-" + guarantee.label();
    }
}
