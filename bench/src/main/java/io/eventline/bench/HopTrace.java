package io.eventline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.eventline.core.envelope.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows one correlation (an order) across a list of topics and times when each of its records
 * became visible: a {@code read_uncommitted} and a {@code read_committed} consumer poll every partition
 * tightly from the end, and each record's arrival is set against its create timestamp. What a
 * {@link Timeline} makes of it: per hop, the wait to be committed and the wait to be fetched and
 * processed. Start it before the order is placed, {@link #await} its last record, close it.
 */
final class HopTrace implements AutoCloseable {
    /** One record of the correlation: where, what, and when it was created and seen (epoch ms). */
    record Arrival(String topic, int partition, long offset, String label, double createdMs, double uncommittedMs,
                   double committedMs) {
        Arrival createdWhenFirstSeen() {
            double seen = Double.isNaN(uncommittedMs) ? committedMs : Math.min(uncommittedMs, committedMs);
            return new Arrival(topic, partition, offset, label, seen, uncommittedMs, committedMs);
        }
    }

    /** When a record counts as created. */
    enum Created {
        /** Its create timestamp: the producer's clock at {@code send}, as plain clients write records. */
        BY_PRODUCER,
        /**
         * When a {@code read_uncommitted} consumer first saw it: Kafka Streams gives an output record the
         * timestamp of the input record it came from, so there the create timestamp is the order's start,
         * not the hop's. This misses the time a record waits in the producer before it is sent.
         */
        FIRST_SEEN
    }

    private record Key(String topic, int partition, long offset) {
    }

    private final Predicate<ConsumerRecord<String, byte[]>> matches;
    private final Created created;
    private final Map<Key, Arrival> arrivals = new ConcurrentHashMap<>();
    private final List<Thread> threads;
    // Both consumers have fetched a few times: connections and fetch sessions are up before the order
    // is placed, so its first record is not timed with a consumer's start-up.
    private final CountDownLatch polling = new CountDownLatch(2);
    private volatile boolean running = true;

    /** Starts polling, and returns once both consumers poll: only what is written from now on is seen. */
    HopTrace(Cluster cluster, Collection<String> topics, Predicate<ConsumerRecord<String, byte[]>> matches,
             Created created) {
        this.matches = matches;
        this.created = created;
        this.threads = List.of(reader(cluster, topics, false), reader(cluster, topics, true));
        try {
            if (!polling.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the hop trace's consumers did not poll within 30 s");
            }
        } catch (InterruptedException e) {
            throw Cluster.interrupted(e);
        }
    }

    /**
     * A record of {@code id}: its {@code correlationId} header says so (events, docs/api.md), or, for records
     * without one (commands, replies), its value names {@code id} as a JSON string.
     */
    static Predicate<ConsumerRecord<String, byte[]>> correlatedBy(String id) {
        byte[] quoted = ("\"" + id + "\"").getBytes(StandardCharsets.UTF_8);
        return record -> {
            var header = record.headers().lastHeader("correlationId");
            if (header != null) {
                return id.equals(new String(header.value(), StandardCharsets.UTF_8));
            }
            return record.value() != null && ByteSearch.contains(record.value(), quoted);
        };
    }

    /**
     * Waits until a record whose label satisfies {@code last} is visible committed, and returns the
     * timeline up to it; empty when none was within {@code limit}.
     */
    Optional<Timeline> await(Predicate<String> last, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Arrival> end = arrivals.values().stream()
                    .filter(a -> last.test(a.label()) && !Double.isNaN(a.committedMs())).findFirst();
            if (end.isPresent()) {
                double endCreated = timed(end.get()).createdMs();
                List<Arrival> seen = arrivals.values().stream().filter(a -> !Double.isNaN(a.committedMs()))
                        .map(this::timed).filter(a -> a.createdMs() <= endCreated).sorted(Comparator.comparingDouble(
                                Arrival::createdMs).thenComparingDouble(Arrival::committedMs)).toList();
                return Optional.of(Timeline.of(seen));
            }
            Pause.of(Duration.ofMillis(5));
        }
        return Optional.empty();
    }

    private Arrival timed(Arrival arrival) {
        return switch (created) {
            case BY_PRODUCER -> arrival;
            case FIRST_SEEN -> arrival.createdWhenFirstSeen();
        };
    }

    private Thread reader(Cluster cluster, Collection<String> topics, boolean committed) {
        Map<String, Object> props = new HashMap<>(cluster.clientSettings());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, committed ? "read_committed" : "read_uncommitted");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Tight polling: the broker answers a fetch within 1 ms even when nothing came, so a record (or
        // the commit that makes it visible) is seen within about a round trip. Tried against a 100 ms
        // long poll on the minimal saga: the same hops, the tight poll a few ms closer to the stages.
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 1);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer());
        var partitions = Clients.assignAll(consumer, List.copyOf(topics));
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // from here on: nothing written later is missed
        return Thread.ofPlatform().name("bench-hop-trace").daemon().start(() -> read(consumer, committed));
    }

    private void read(KafkaConsumer<String, byte[]> consumer, boolean committed) {
        try (consumer) {
            for (int polls = 0; running; polls++) {
                if (polls == 3) {
                    polling.countDown();
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(5))) {
                    double now = nowMillis();
                    if (matches.test(record)) {
                        arrivals.compute(new Key(record.topic(), record.partition(), record.offset()),
                                (key, seen) -> seen(seen, record, now, committed));
                    }
                }
            }
        }
    }

    private static Arrival seen(Arrival seen, ConsumerRecord<String, byte[]> record, double now, boolean committed) {
        Arrival a = seen != null ? seen : new Arrival(record.topic(), record.partition(), record.offset(),
                label(record), record.timestamp(), Double.NaN, Double.NaN);
        return committed ? new Arrival(a.topic(), a.partition(), a.offset(), a.label(), a.createdMs(),
                a.uncommittedMs(), now) : new Arrival(a.topic(), a.partition(), a.offset(), a.label(), a.createdMs(),
                now, a.committedMs());
    }

    /** The topic and what the record is: its {@code eventType} header, or a command's {@code commandType}. */
    private static String label(ConsumerRecord<String, byte[]> record) {
        var header = record.headers().lastHeader("eventType");
        if (header != null) {
            return record.topic() + " " + new String(header.value(), StandardCharsets.UTF_8);
        }
        try {
            JsonNode value = Json.mapper().readTree(record.value());
            String type = value.path("commandType").asText("");
            return type.isEmpty() ? record.topic() : record.topic() + " " + type;
        } catch (IOException | RuntimeException e) { // not JSON: the topic says enough
            return record.topic();
        }
    }

    private static double nowMillis() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1e3 + now.getNano() / 1e6;
    }

    @Override
    public void close() {
        running = false;
        threads.forEach(RawLatency::join);
    }
}
