package io.eventline.app.console;

import io.eventline.core.envelope.Json;
import io.eventline.core.envelope.Timestamps;
import io.eventline.http.ApiException;
import io.eventline.http.FieldError;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/stream}: Server-Sent Events of every event as it is appended to an event topic
 * ({@code *.events}, {@code customers}), from the moment the client connects. Each client gets its own
 * consumer: {@code read_committed} (only what was committed: no event of an aborted transaction), no
 * group, nothing committed, starting at the end offsets. Every second a {@code stats} event counts what
 * was read per topic (whatever the filter: a console draws throughput from it) and doubles as a heartbeat, which is how a closed
 * connection is noticed when nothing else is sent. At most {@value #MAX_PER_SECOND} events a second
 * go to one client; the rest are counted as {@code skipped}, so a browser keeps up under any load. At
 * most {@code --max-streams} clients are served at once (503 with {@code Retry-After} beyond), and a
 * client that falls {@value #OUTBOX_BYTES} bytes behind is disconnected ({@link Outbox} says why).
 */
final class EventStream {
    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    static final int MAX_PER_SECOND = 1_000;
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration STATS_EVERY = Duration.ofSeconds(1);

    /** What one client may have waiting before it counts as not keeping up (see {@link Outbox}). */
    static final long OUTBOX_BYTES = 1024 * 1024;

    private final Map<String, Object> clientSettings;
    private final StreamSlots slots;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param maxStreams the most clients streamed to at once; others are answered 503 */
    EventStream(Map<String, Object> clientSettings, int maxStreams) {
        this.clientSettings = Map.copyOf(clientSettings);
        this.slots = new StreamSlots(maxStreams);
    }

    void register(RoutesConfig routes) {
        routes.get("/api/stream", this::open);
    }

    /** Ends every stream within a poll: the server can then stop without waiting for clients to leave. */
    void close() {
        closed.set(true);
    }

    private void open(Context ctx) {
        StreamSlots.Slot slot;
        try {
            slot = slots.take();
        } catch (ApiException e) {
            ctx.header("Retry-After", Integer.toString(StreamSlots.RETRY_AFTER_SECONDS));
            throw e;
        }
        KafkaConsumer<String, byte[]> consumer = null;
        Set<String> streamed;
        StreamFilter filter;
        SseChannel channel;
        try {
            consumer = consumer();
            streamed = consumer.listTopics(AdminCalls.TIMEOUT).keySet().stream()
                    .filter(topic -> topic.endsWith(".events") || topic.equals("customers"))
                    .collect(Collectors.toSet());
            filter = StreamFilter.of(ctx, streamed);
            String accept = ctx.header("Accept");
            if (accept == null || !accept.contains("text/event-stream")) {
                throw new ApiException(406, "Not Acceptable", "this is a stream of Server-Sent Events",
                        List.of(new FieldError("Accept", "must be text/event-stream")));
            }
            channel = SseChannel.open(ctx);
        } catch (RuntimeException e) {
            if (consumer != null) {
                consumer.close();
            }
            slot.close();
            throw e;
        }
        // In the handler's thread until the stream ends (see SseChannel); it closes the slot and consumer.
        stream(channel, consumer, streamed, filter, slot);
    }

    /**
     * Reads every streamed topic whatever the filter, so that the counts per topic are whole, and puts
     * what the client is sent in its outbox; another thread writes it out, so that a client slow to
     * read holds up neither this loop nor the memory (the outbox is bounded).
     */
    private void stream(SseChannel client, KafkaConsumer<String, byte[]> consumer, Set<String> streamed,
                        StreamFilter filter, StreamSlots.Slot slot) {
        Outbox outbox = new Outbox(OUTBOX_BYTES);
        Thread writer = Thread.ofVirtual().name("eventline-stream-writer").start(() -> write(client, outbox));
        try (slot; consumer) {
            List<TopicPartition> partitions = streamed.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic, AdminCalls.TIMEOUT).stream()
                            .map(info -> new TopicPartition(topic, info.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            // seekToEnd is lazy: asking the positions now fixes "the end" as of the connection.
            partitions.forEach(consumer::position);
            outbox.offer(new Outbox.Frame(null, "connected", null));
            Window window = new Window();
            while (!client.terminated() && !closed.get() && writer.isAlive()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    window.read.merge(record.topic(), 1L, Long::sum);
                    if (filter.matches(record) && !send(outbox, window, StreamedEvent.of(record))) {
                        disconnect(outbox);
                        return;
                    }
                }
                if (window.isOver()) {
                    if (!outbox.offer(new Outbox.Frame("stats", Json.writeString(window.stats()), null))) {
                        disconnect(outbox);
                        return;
                    }
                    window = new Window();
                }
            }
        } finally {
            outbox.close();
            awaitWriter(writer);
        }
    }

    private static void disconnect(Outbox outbox) {
        LOG.info("an event stream client fell {} bytes behind and is disconnected; it may reconnect",
                outbox.bytes());
        outbox.close();
    }

    /**
     * Its write in progress ends when the client reads or when Jetty's idle timeout fails it; until
     * then the stream keeps its slot, so that unread connections count against the cap.
     */
    private static void awaitWriter(Thread writer) {
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The one thread writing to the client: Jetty's blocking writes wait here, not in the Kafka loop. */
    private static void write(SseChannel client, Outbox outbox) {
        try {
            while (!client.terminated()) {
                Optional<Outbox.Frame> next = outbox.poll(1, TimeUnit.SECONDS);
                if (next.isEmpty()) {
                    if (outbox.isClosed()) {
                        return;
                    }
                    continue;
                }
                Outbox.Frame frame = next.get();
                if (frame.event() == null) {
                    client.sendComment(frame.data());
                } else {
                    client.sendEvent(frame.event(), frame.data(), frame.id());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return false when the client's outbox is full: it is not keeping up */
    private static boolean send(Outbox outbox, Window window, StreamedEvent event) {
        if (window.sent >= MAX_PER_SECOND) {
            window.skipped++;
            return true;
        }
        window.sent++;
        return outbox.offer(new Outbox.Frame("message", Json.writeString(event), event.id()));
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.putAll(clientSettings);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "eventline-console-stream");
        // What one client's consumer may hold fetched but not yet sent: Kafka's defaults (50 MiB a
        // fetch) times the cap on streams would be most of the heap.
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 1024 * 1024);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 256 * 1024);
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
