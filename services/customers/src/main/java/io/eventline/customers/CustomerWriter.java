package io.eventline.customers;

import io.eventline.contracts.customers.CustomerContracts;
import io.eventline.contracts.customers.CustomerUpdated;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.EventMetadata;
import io.eventline.core.envelope.Timestamps;
import io.eventline.core.kafka.SharedProducer;
import io.eventline.core.tracing.Hop;
import io.eventline.core.tracing.Tracing;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Writes customers to the compacted {@code customers} topic: the whole customer as a
 * {@code customer.updated} envelope, or a tombstone. Through the process's producer of requests
 * ({@link SharedProducer#forRequests}: idempotent, {@code acks=all}), so an acknowledged write is
 * replicated and written once however the producer retries. Thread-safe.
 */
public final class CustomerWriter implements AutoCloseable {
    static final String SOURCE = "customers";

    private final Producer<String, byte[]> producer;
    private final Clock clock;
    private final Tracing tracing;

    /**
     * @param clientSettings bootstrap servers and any security settings
     * @param tracing how a write is traced: it starts in the caller's OpenTelemetry context
     */
    public CustomerWriter(Map<String, Object> clientSettings, Tracing tracing) {
        this(SharedProducer.forRequests(clientSettings), Clock.systemUTC(), tracing);
    }

    CustomerWriter(Producer<String, byte[]> producer, Clock clock) {
        this(producer, clock, Tracing.headersOnly());
    }

    CustomerWriter(Producer<String, byte[]> producer, Clock clock, Tracing tracing) {
        this.producer = producer;
        this.clock = clock;
        this.tracing = tracing;
    }

    /** Sends the whole customer; the future completes once the broker has acknowledged it. */
    Future<RecordMetadata> put(CustomerUpdated customer, String correlationId) {
        EventEnvelope envelope = envelope(customer, correlationId);
        try (Hop hop = tracing.hopFromCurrentContext(SOURCE, SOURCE + "-api", "http")) {
            return producer.send(new ProducerRecord<>(CustomerContracts.TOPIC, null,
                    envelope.timestamp().toEpochMilli(), customer.customerId(), EnvelopeCodec.toBytes(envelope),
                    hop.stamp(EnvelopeCodec.headers(envelope))));
        }
    }

    /** Sends the tombstone that deletes the customer, here and, once compacted, from the log. */
    Future<RecordMetadata> delete(String customerId) {
        return producer.send(new ProducerRecord<>(CustomerContracts.TOPIC, null, clock.millis(), customerId, (byte[]) null));
    }

    private EventEnvelope envelope(CustomerUpdated customer, String correlationId) {
        UUID eventId = UUID.randomUUID();
        var type = CustomerContracts.EVENTS.typeOf(customer);
        return new EventEnvelope(eventId, type.name(), type.currentVersion(), Timestamps.millis(clock.instant()),
                customer.customerId(), CustomerContracts.EVENTS.encode(customer),
                new EventMetadata(correlationId, eventId.toString(), SOURCE));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
