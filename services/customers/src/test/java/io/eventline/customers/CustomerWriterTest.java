package io.eventline.customers;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.contracts.customers.Address;
import io.eventline.contracts.customers.CustomerContracts;
import io.eventline.contracts.customers.CustomerUpdated;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class CustomerWriterTest {
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00.123456Z");
    static final CustomerUpdated ALICE = new CustomerUpdated("alice", "Alice", "alice@example.com",
            new Address("1 Main St", "Springfield", "12345", "US"));

    final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    final CustomerWriter writer = new CustomerWriter(producer, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldWriteTheWholeCustomerAsAnEnvelopeWhenPut() throws Exception {
        writer.put(ALICE, "corr-1").get();

        ProducerRecord<String, byte[]> record = producer.history().getFirst();
        assertThat(record.topic()).isEqualTo(CustomerContracts.TOPIC);
        assertThat(record.key()).isEqualTo("alice");
        EventEnvelope envelope = EnvelopeCodec.fromBytes(record.value());
        assertThat(envelope.eventType()).isEqualTo("customer.updated");
        assertThat(envelope.version()).isEqualTo(1);
        assertThat(envelope.aggregateId()).isEqualTo("alice");
        assertThat(envelope.timestamp()).isEqualTo(Instant.parse("2026-11-22T10:00:00.123Z"));
        assertThat(record.timestamp()).isEqualTo(envelope.timestamp().toEpochMilli());
        assertThat(envelope.metadata().correlationId()).isEqualTo("corr-1");
        assertThat(envelope.metadata().causationId()).isEqualTo(envelope.eventId().toString());
        assertThat(envelope.metadata().source()).isEqualTo("customers");
        assertThat(CustomerContracts.EVENTS.decode(envelope.eventType(), envelope.version(), envelope.data()))
                .isEqualTo(ALICE);
        assertThat(header(record, "ce_type")).isEqualTo("customer.updated");
        assertThat(header(record, "eventId")).isEqualTo(envelope.eventId().toString());
    }

    @Test
    void shouldWriteATombstoneWhenDeleted() throws Exception {
        writer.delete("alice").get();

        ProducerRecord<String, byte[]> record = producer.history().getFirst();
        assertThat(record.topic()).isEqualTo(CustomerContracts.TOPIC);
        assertThat(record.key()).isEqualTo("alice");
        assertThat(record.value()).isNull();
    }

    @Test
    void shouldGiveEachWriteItsOwnEventIdWhenTheSameCustomerIsPutTwice() throws Exception {
        writer.put(ALICE, "corr-1").get();
        writer.put(ALICE, "corr-1").get();

        assertThat(producer.history()).extracting(r -> EnvelopeCodec.fromBytes(r.value()).eventId())
                .doesNotHaveDuplicates();
    }

    static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
