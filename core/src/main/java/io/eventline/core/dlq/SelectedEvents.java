package io.eventline.core.dlq;

import io.eventline.core.envelope.Catalogue;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.MalformedEnvelopeException;
import io.eventline.core.envelope.MalformedMessageException;
import io.eventline.core.envelope.UnknownMessageTypeException;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The events a reader wants from a topic of envelopes, for a reader that takes some of a topic's event
 * types and passes over the rest. A record it cannot read (not an envelope, an unknown type or version,
 * data that does not fit) goes to the reader's dead-letter topic, keyed as it came, and the next is
 * read: a type added to the topic that this build does not know is kept for a replay once it does,
 * and never stops the reader meanwhile. A replay meant for another reader of the topic is passed over.
 *
 * <p>Route its outcomes with {@link DeadLetterSink#route}.
 */
public final class SelectedEvents<E, V> implements Processor<String, byte[], String, Outcome<V>> {

    /** What a reader keeps of an event it read: the record to pass on, or empty to pass over it. */
    @FunctionalInterface
    public interface Selection<E, V> {
        Optional<Record<String, V>> select(Record<String, byte[]> record, E event);
    }

    private final String node;
    private final String part;
    private final Catalogue<E> catalogue;
    private final Selection<E, V> selection;
    private ProcessorContext<String, Outcome<V>> context;
    private DeadLetters deadLetters;

    private SelectedEvents(String node, String part, Catalogue<E> catalogue, Selection<E, V> selection) {
        this.node = node;
        this.part = part;
        this.catalogue = catalogue;
        this.selection = selection;
    }

    /** @param node the processor's name in the topology, which its dead letters name as their source */
    public static <E, V> ProcessorSupplier<String, byte[], String, Outcome<V>> of(String node, Catalogue<E> catalogue,
                                                                                 Selection<E, V> selection) {
        return of(node, null, catalogue, selection);
    }

    /** @param part the service the reader is added for ({@code Sources.part}), or null: the application's */
    public static <E, V> ProcessorSupplier<String, byte[], String, Outcome<V>> of(String node, String part,
                                                                                 Catalogue<E> catalogue,
                                                                                 Selection<E, V> selection) {
        return () -> new SelectedEvents<>(node, part, catalogue, selection);
    }

    @Override
    public void init(ProcessorContext<String, Outcome<V>> context) {
        this.context = context;
        this.deadLetters = DeadLetters.of(context, node, part);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        // A replay for another reader of the topic was counted here the first time round.
        if (record.value() == null || deadLetters.forAnother(record)) {
            return;
        }
        E event;
        try {
            EventEnvelope envelope = EnvelopeCodec.fromBytes(record.value());
            event = catalogue.decode(envelope.eventType(), envelope.version(), envelope.data());
        } catch (MalformedEnvelopeException | UnknownMessageTypeException | MalformedMessageException e) {
            context.forward(Outcome.dead(deadLetters.letter(record, DeadLetterReason.of(e), e)));
            return;
        }
        selection.select(record, event).ifPresent(selected -> context.forward(Outcome.processed(selected)));
    }
}
