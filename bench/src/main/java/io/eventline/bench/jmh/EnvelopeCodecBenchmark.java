package io.eventline.bench.jmh;

import io.eventline.contracts.Money;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.orders.OrderLine;
import io.eventline.contracts.orders.OrderPlaced;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.EventMetadata;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.header.Headers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The envelope codec on an {@code order.placed} of one line: every event the platform appends is
 * written once and read by each reader. JMH needs the class public.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EnvelopeCodecBenchmark {
    private EventEnvelope envelope;
    private byte[] bytes;

    @Setup
    public void setUp() {
        Money price = Money.of(new BigDecimal("10.25"));
        OrderPlaced placed = new OrderPlaced("o-000000001", "c-1", List.of(new OrderLine("sku-1", 2, price)), "EUR",
                Money.of(new BigDecimal("20.50")));
        envelope = new EventEnvelope(UUID.randomUUID(), "order.placed", 1, Instant.now(), "o-000000001",
                OrderContracts.EVENTS.encode(placed), new EventMetadata("o-000000001", UUID.randomUUID().toString(),
                "orders"));
        bytes = EnvelopeCodec.toBytes(envelope);
    }

    @Benchmark
    public byte[] encode() {
        return EnvelopeCodec.toBytes(envelope);
    }

    @Benchmark
    public EventEnvelope decode() {
        return EnvelopeCodec.fromBytes(bytes);
    }

    @Benchmark
    public Headers headers() {
        return EnvelopeCodec.headers(envelope);
    }

    /** What a reader of the platform does with each record: the envelope, then the typed event. */
    @Benchmark
    public Object decodeToEvent() {
        EventEnvelope read = EnvelopeCodec.fromBytes(bytes);
        return OrderContracts.EVENTS.decode(read.eventType(), read.version(), read.data());
    }
}
