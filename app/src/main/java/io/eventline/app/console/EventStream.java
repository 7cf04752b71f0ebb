package io.eventline.app.console;

import io.eventline.core.envelope.Json;
import io.eventline.core.envelope.Timestamps;
import io.eventline.core.http.ApiException;
import io.eventline.core.http.FieldError;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code GET /api/stream}: Server-Sent Events of every event as it is appended to an event topic
 * ({@code *.events}, {@code customers}), from the moment the client connects. Each client gets its own
 * consumer: {@code read_committed} (only what was committed: no event of an aborted transaction), no
 * group, nothing committed, starting at the end offsets. Every second a {@code stats} event counts what
 * was read per topic (whatever the filter: a console draws throughput from it) and doubles as a heartbeat, which is how a closed
 * connection is noticed when nothing else is sent. At most {@value #MAX_PER_SECOND} events a second
 * go to one client; the rest are counted as {@code skipped}, so a browser keeps up under any load.
 */
final class EventStream {
    static final int MAX_PER_SECOND = 1_000;
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration STATS_EVERY = Duration.ofSeconds(1);

    private final Map<String, Object> clientSettings;
    private final AtomicBoolean closed = new AtomicBoolean();

    EventStream(Map<String, Object> clientSettings) {
        this.clientSettings = Map.copyOf(clientSettings);
    }

    void register(Javalin app) {
        app.get("/api/stream", this::open);
    }

    /** Ends every stream within a poll: the server can then stop without waiting for clients to leave. */
    void close() {
        closed.set(true);
    }

    private void open(Context ctx) {
        KafkaConsumer<String, byte[]> consumer = consumer();
        try {
            Set<String> streamed = consumer.listTopics(AdminCalls.TIMEOUT).keySet().stream()
                    .filter(topic -> topic.endsWith(".events") || topic.equals("customers"))
                    .collect(Collectors.toSet());
            StreamFilter filter = StreamFilter.of(ctx, streamed);
            String accept = ctx.header("Accept");
            if (accept == null || !accept.contains("text/event-stream")) {
                throw new ApiException(406, "Not Acceptable", "this is a stream of Server-Sent Events",
                        List.of(new FieldError("Accept", "must be text/event-stream")));
            }
            new SseHandler(client -> stream(client, consumer, streamed, filter)).handle(ctx);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /** Reads every streamed topic whatever the filter, so that the counts per topic are whole. */
    private void stream(SseClient client, KafkaConsumer<String, byte[]> consumer, Set<String> streamed,
                        StreamFilter filter) {
        try (consumer) {
            List<TopicPartition> partitions = streamed.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic, AdminCalls.TIMEOUT).stream()
                            .map(info -> new TopicPartition(topic, info.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            // seekToEnd is lazy: asking the positions now fixes "the end" as of the connection.
            partitions.forEach(consumer::position);
            client.sendComment("connected");
            Window window = new Window();
            while (!client.terminated() && !closed.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    window.read.merge(record.topic(), 1L, Long::sum);
                    if (filter.matches(record)) {
                        send(client, window, StreamedEvent.of(record));
                    }
                }
                if (window.isOver()) {
                    client.sendEvent("stats", Json.writeString(window.stats()));
                    window = new Window();
                }
            }
        }
    }

    private static void send(SseClient client, Window window, StreamedEvent event) {
        if (window.sent < MAX_PER_SECOND) {
            client.sendEvent("message", Json.writeString(event), event.id());
            window.sent++;
        } else {
            window.skipped++;
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.putAll(clientSettings);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "eventline-console-stream");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** What one client was sent and what was read for it in the current second. */
    private static final class Window {
        final long started = System.nanoTime();
        final Map<String, Long> read = new TreeMap<>();
        int sent;
        long skipped;

        boolean isOver() {
            return System.nanoTime() - started >= STATS_EVERY.toNanos();
        }

        Map<String, Object> stats() {
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("at", Timestamps.format(Timestamps.millis(Instant.now())));
            stats.put("seconds", (System.nanoTime() - started) / 1e9);
            stats.put("read", read);
            stats.put("sent", sent);
            stats.put("skipped", skipped);
            return stats;
        }
    }
}
