package io.eventline.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The hand-written baseline for one stateful exactly-once hop: plain Kafka Streams, a count per key
 * in a RocksDB store with its changelog, each new count written on; one stream thread, exactly-once
 * v2, the same commit interval as Eventline's. What a decider hop is held to.
 */
final class StreamsCount {
    static final String APPLICATION = "bench-streams-count";
    private static final String STORE = "bench-counts";

    private StreamsCount() {
    }

    static Throughput run(Cluster cluster, String in, String out, Path stateDir, int commitMs, Duration length,
                          Progress progress) {
        return run(APPLICATION, cluster, in, out, stateDir, commitMs, length, progress);
    }

    /**
     * A run untimed until its rate is steady (at most {@code cap}: {@link StreamsRate#untilSteady}),
     * under another application id (its own group, from offset 0), so that the measured one runs
     * compiled code, as the command hop it is held against does.
     */
    static void warmUp(Cluster cluster, String in, String out, Path stateDir, int commitMs, Duration window,
                       Duration cap, Progress progress) {
        try (KafkaStreams streams = streams(APPLICATION + "-warm-up", cluster, in, out, stateDir, commitMs)) {
            StreamsRate.untilSteady(cluster, streams, APPLICATION + "-warm-up", in, window, cap, progress);
        }
    }

    private static Throughput run(String application, Cluster cluster, String in, String out, Path stateDir,
                                  int commitMs, Duration length, Progress progress) {
        try (KafkaStreams streams = streams(application, cluster, in, out, stateDir, commitMs)) {
            return StreamsRate.measure(cluster, streams, application, in, length, progress);
        }
    }

    private static KafkaStreams streams(String application, Cluster cluster, String in, String out, Path stateDir,
                                        int commitMs) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                Serdes.Long()));
        builder.stream(in, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("bench-count-source"))
                .process(Count::new, Named.as("bench-count"), STORE)
                .to(out, Produced.with(Serdes.String(), Serdes.Long()).withName("bench-count-sink"));
        Properties props = Clients.streams(cluster, application, stateDir, commitMs);
        return new KafkaStreams(builder.build(props), props);
    }

    /** Counts per key: read, add one, write back, send the count on. */
    private static final class Count implements Processor<String, byte[], String, Long> {
        private ProcessorContext<String, Long> context;
        private KeyValueStore<String, Long> counts;

        @Override
        public void init(ProcessorContext<String, Long> context) {
            this.context = context;
            this.counts = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            Long before = counts.get(record.key());
            long count = before == null ? 1 : before + 1;
            counts.put(record.key(), count);
            context.forward(record.withValue(count));
        }
    }
}
