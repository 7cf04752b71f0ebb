package io.eventline.core.dlq;

import io.eventline.core.envelope.Json;
import io.eventline.core.envelope.Timestamps;
import io.eventline.core.failure.NotReady;
import io.eventline.core.failure.Rejected;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Republishes dead letters in a transaction with their "replayed" marks. One transactional id for the
 * whole cluster: a session's {@code initTransactions} fences every earlier one, so a session reads the
 * marks only after every replay begun before it has committed or aborted, and no two sessions commit
 * replays of the same dead letter.
 */
final class Replayer {
    private static final Logger LOG = LoggerFactory.getLogger(Replayer.class);
    private static final String TRANSACTIONAL_ID = "eventline-dlq-replay";

    private final Map<String, Object> clientSettings;
    private final AtomicLong aborted = new AtomicLong();
    private final AtomicLong abortFailures = new AtomicLong();

    Replayer(Map<String, Object> clientSettings) {
        this.clientSettings = Map.copyOf(clientSettings);
    }

    /** Replays undone (aborted, whatever the cause: a refused id, a failed send or commit). */
    long aborted() {
        return aborted.get();
    }

    /** Aborts that failed themselves. */
    long abortFailures() {
        return abortFailures.get();
    }

    /** Opens a transaction; read the marks after this, not before. */
    Session begin() {
        Properties props = new Properties();
        props.putAll(clientSettings);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TRANSACTIONAL_ID);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "eventline-dlq-replay");
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(),
                new ByteArraySerializer());
        try {
            producer.initTransactions();
            producer.beginTransaction();
            return new Session(producer, aborted, abortFailures);
        } catch (KafkaException e) {
            producer.close();
            throw new NotReady("cannot start a replay: " + e.getMessage(), e);
        }
    }

    /** One transaction; closing it without {@link #commit()} aborts whatever it sent. */
    static final class Session implements AutoCloseable {
        private final KafkaProducer<byte[], byte[]> producer;
        private final AtomicLong aborted;
        private final AtomicLong abortFailures;
        private boolean committed;
        private boolean sent;

        private Session(KafkaProducer<byte[], byte[]> producer, AtomicLong aborted, AtomicLong abortFailures) {
            this.producer = producer;
            this.aborted = aborted;
            this.abortFailures = abortFailures;
        }

        /**
         * Sends the record back where it was read (or where {@link DeadLetterHeaders#REPLAY_TO} says), and
         * marks {@code ids} (its dead letters) replayed.
         */
        void replay(ConsumerRecord<byte[], byte[]> letter, DeadLetterEntry entry, List<String> ids) {
            // Same partition: the replay meets the state its first reading left, in the same task.
            sent = true;
            String destination = destination(letter, entry);
            producer.send(new ProducerRecord<>(destination, entry.partition() < 0 ? null : entry.partition(),
                    letter.key(), letter.value(), original(letter.headers(), entry)));
            byte[] mark = Json.write(Map.of("replayedAt", Timestamps.format(Instant.now()), "replayOf", entry.id()));
            ids.forEach(id -> producer.send(new ProducerRecord<>(DeadLetterQueue.REPLAYED,
                    id.getBytes(StandardCharsets.UTF_8), mark)));
            LOG.debug("replaying {} to {}-{} (attempt {} failed: {})", entry.id(), entry.topic(), entry.partition(),
                    entry.attempts(), entry.reason());
        }

        /** Where a dead letter's replay goes: {@link DeadLetterHeaders#REPLAY_TO}, else where it was read. */
        static String destination(ConsumerRecord<byte[], byte[]> letter, DeadLetterEntry entry) {
            return DeadLetterHeaders.text(letter.headers(), DeadLetterHeaders.REPLAY_TO).orElse(entry.topic());
        }

        void commit() {
            try {
                producer.commitTransaction();
                committed = true;
            } catch (ProducerFencedException e) {
                throw new Rejected(null, "another replay started meanwhile; this one was undone, retry");
            } catch (KafkaException e) {
                throw new NotReady("the replay was undone: " + e.getMessage(), e);
            }
        }

        /** The original headers, addressed back to the application that failed, with its count of failures. */
        private static Headers original(Headers headers, DeadLetterEntry entry) {
            Headers original = new RecordHeaders();
            for (Header header : headers) {
                if (!DeadLetterHeaders.isDeadLetters(header.key())) {
                    original.add(header);
                }
            }
            DeadLetterHeaders.put(original, DeadLetterHeaders.REPLAY_FOR, entry.queue());
            DeadLetterHeaders.put(original, DeadLetterHeaders.ATTEMPTS, Integer.toString(entry.attempts()));
            return original;
        }

        @Override
        public void close() {
            try {
                if (!committed && sent) {
                    aborted.incrementAndGet();
                    LOG.warn("a replay of dead letters was undone: its transaction is aborted");
                }
                if (!committed) { // also when nothing was sent (an unknown id): the transaction is open
                    producer.abortTransaction();
                }
            } catch (KafkaException e) {
                // The broker aborts it once transaction.timeout.ms passes; until then readers wait at it.
                abortFailures.incrementAndGet();
                LOG.warn("aborting an undone replay failed ({}); the broker aborts it at its transaction timeout",
                        e.getMessage());
            } finally {
                producer.close();
            }
        }
    }
}
