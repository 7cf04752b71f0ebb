package io.eventline.core.testing;

import io.eventline.core.decider.CommandEnvelope;
import io.eventline.core.envelope.Catalogue;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.EventMetadata;
import io.eventline.core.envelope.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.TestOutputTopic;

/** Building event records to pipe into a topology, and reading the commands and events it writes. */
public final class TestEvents {
    private TestEvents() {
    }

    /** An event as its producer would have written it, with a fresh id and {@code corr-<aggregateId>}. */
    public static <E> byte[] envelope(Catalogue<E> catalogue, String aggregateId, E event, Instant at) {
        var type = catalogue.typeOf(event);
        return EnvelopeCodec.toBytes(new EventEnvelope(UUID.randomUUID(), type.name(), type.currentVersion(), at,
                aggregateId, catalogue.encode(event), new EventMetadata("corr-" + aggregateId, "test", "test")));
    }

    /** The commands written to a command topic since the last read, decoded. */
    public static <C> List<C> commands(TestOutputTopic<String, byte[]> topic, Catalogue<C> catalogue) {
        return topic.readValuesToList().stream().map(bytes -> {
            try {
                CommandEnvelope command = Json.mapper().readValue(bytes, CommandEnvelope.class);
                return catalogue.decode(command.commandType(), command.version(), command.data());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    /** The events written to an event topic since the last read, decoded. */
    public static <E> List<E> events(TestOutputTopic<String, byte[]> topic, Catalogue<E> catalogue) {
        return topic.readValuesToList().stream().map(EnvelopeCodec::fromBytes)
                .map(envelope -> catalogue.decode(envelope.eventType(), envelope.version(), envelope.data()))
                .toList();
    }
}
