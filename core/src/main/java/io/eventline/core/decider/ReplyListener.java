package io.eventline.core.decider;

import io.eventline.core.envelope.Json;
import io.eventline.core.kafka.RestingClients;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of a reply topic from its end, without a consumer group, and completes the
 * caller waiting on each command id. Every instance reads all replies: the sender need not be the
 * instance whose task decided. Replies are read {@code read_committed}, so a caller hears "accepted"
 * only once the events are committed. One thread; {@link #close()} stops it.
 *
 * <p>A reply it cannot read is logged and passed over. If its consumer fails (a Kafka error out of
 * {@code poll}), the thread ends, {@link #alive()} turns false and the failure is logged at WARN;
 * {@link #restart()} then reads on with a new consumer from where the dead one stopped, so a reply
 * that came in between still reaches its caller, who waited meanwhile.
 */
final class ReplyListener implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyListener.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofMillis(250);

    private final String topic;
    private final Supplier<Consumer<String, byte[]>> consumers;
    private final Map<String, CompletableFuture<Reply>> waiting = new ConcurrentHashMap<>();
    /** Where the next reply of each partition is: kept across a restart. */
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private volatile Reader reader;
    private volatile boolean running = true;
    private volatile long restarts;

    ReplyListener(String topic, Map<String, Object> clientSettings) {
        this(topic, () -> consumer(clientSettings));
    }

    /** @param consumers makes the consumer at start and at each restart */
    ReplyListener(String topic, Supplier<Consumer<String, byte[]>> consumers) {
        this.topic = topic;
        this.consumers = consumers;
        this.reader = new Reader(consumers.get(), true);
    }

    CompletableFuture<Reply> expect(String commandId) {
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        waiting.put(commandId, reply);
        reply.whenComplete((value, error) -> waiting.remove(commandId));
        return reply;
    }

    /** Whether replies are being read: false once the consumer failed, until {@link #restart()}. */
    boolean alive() {
        return reader.thread.isAlive();
    }

    /** Starts reading again where the last consumer stopped, if it died; does nothing while it lives. */
    synchronized void restart() {
        if (!running || alive()) {
            return;
        }
        restarts++;
        LOG.warn("the reply listener of {} is restarted (restart {}), from where it stopped", topic, restarts);
        reader = new Reader(consumers.get(), false);
    }

    /** Waits until the current consumer's thread has ended, or the time is up; answers {@link #alive()}. */
    boolean awaitStopped(Duration timeout) throws InterruptedException {
        reader.thread.join(timeout);
        return alive();
    }

    /** How often the listener was restarted after its consumer failed. */
    long restarts() {
        return restarts;
    }

    private static Consumer<String, byte[]> consumer(Map<String, Object> clientSettings) {
        Properties props = new Properties();
        props.putAll(clientSettings);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        // A reply ends a fetch's wait at once; at rest the wait is how often it asks the broker, as a stream
        // thread's consumer does (RestingClients). Closing, it waits for that fetch: see closeConsumer.
        props.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, RestingClients.FETCH_MAX_WAIT_MS);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** One consumer and the thread polling it. */
    private final class Reader {
        private final Consumer<String, byte[]> consumer;
        private final Thread thread;

        Reader(Consumer<String, byte[]> consumer, boolean fromEnd) {
            this.consumer = consumer;
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            if (fromEnd) {
                consumer.seekToEnd(partitions);
            }
            for (TopicPartition partition : partitions) {
                Long resumeAt = positions.get(partition);
                if (!fromEnd && resumeAt != null) {
                    consumer.seek(partition, resumeAt);
                }
                // Resolve the positions now: a reply that lands before the first poll must not be skipped.
                positions.put(partition, consumer.position(partition));
            }
            this.thread = Thread.ofPlatform().name("eventline-replies-" + topic).daemon().start(this::run);
        }

        private void run() {
            try {
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                        complete(record);
                    }
                    Map<TopicPartition, Long> now = new HashMap<>();
                    consumer.assignment().forEach(partition -> now.put(partition, consumer.position(partition)));
                    positions.putAll(now);
                }
            } catch (WakeupException e) {
                if (running) {
                    LOG.warn("the reply listener of {} was woken up while running; it stopped", topic);
                }
            } catch (RuntimeException e) {
                if (e instanceof InterruptException) {
                    // The thread ends here, and is ours: cleared, the flag would only make close() fail too.
                    Thread.interrupted();
                }
                LOG.warn("the reply listener of {} failed and stopped; callers wait until it is restarted: {}",
                        topic, e.toString(), e);
            } finally {
                closeConsumer();
            }
        }

        /**
         * Closes the consumer: a failure there must not escape the thread as an uncaught exception. Not in
         * a group, it has only its fetch session to end, which the broker would expire anyway: it does
         * not wait out the fetch in flight for that.
         */
        private void closeConsumer() {
            try {
                consumer.close(CLOSE_TIMEOUT);
            } catch (RuntimeException e) {
                LOG.warn("the reply listener of {} could not close its consumer: {}", topic, e.toString());
            }
        }
    }

    private void complete(ConsumerRecord<String, byte[]> record) {
        try {
            Reply reply = Json.mapper().readValue(record.value(), Reply.class);
            CompletableFuture<Reply> caller = waiting.get(reply.commandId());
            if (caller != null) {
                caller.complete(reply);
            }
        } catch (IOException | RuntimeException e) { // a null value, a reply of another shape: not worth dying for
            LOG.warn("unreadable reply at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
        positions.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
    }

    @Override
    public void close() {
        running = false;
        Reader last = reader;
        if (last.thread.isAlive()) {
            last.consumer.wakeup(); // a dead reader's consumer is closed already
        }
        try {
            last.thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
