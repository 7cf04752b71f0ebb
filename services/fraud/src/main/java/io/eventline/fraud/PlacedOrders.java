package io.eventline.fraud;

import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.orders.OrderEvent;
import io.eventline.contracts.orders.OrderPlaced;
import io.eventline.core.dlq.DeadLetterReason;
import io.eventline.core.dlq.DeadLetters;
import io.eventline.core.dlq.Outcome;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.MalformedEnvelopeException;
import io.eventline.core.envelope.MalformedMessageException;
import io.eventline.core.envelope.UnknownMessageTypeException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The placed orders among an order's events, re-keyed by customer id: {@code order.placed} and
 * nothing else. A processor rather than a mapper because it needs the record's timestamp, the event
 * time the windows use. An event it cannot read (not an envelope, an unknown type or version, data
 * that does not fit) goes to fraud's dead-letter topic, keyed as it came, and the next is read.
 */
final class PlacedOrders implements Processor<String, byte[], String, Outcome<PlacedOrder>> {
    static final String NODE = "fraud-placed-orders";

    private ProcessorContext<String, Outcome<PlacedOrder>> context;
    private DeadLetters deadLetters;

    @Override
    public void init(ProcessorContext<String, Outcome<PlacedOrder>> context) {
        this.context = context;
        this.deadLetters = DeadLetters.of(context, NODE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        // A replay for another reader of orders.events was counted here the first time round.
        if (record.value() == null || deadLetters.forAnother(record)) {
            return;
        }
        OrderEvent event;
        try {
            EventEnvelope envelope = EnvelopeCodec.fromBytes(record.value());
            event = OrderContracts.EVENTS.decode(envelope.eventType(), envelope.version(), envelope.data());
        } catch (MalformedEnvelopeException | UnknownMessageTypeException | MalformedMessageException e) {
            context.forward(Outcome.dead(deadLetters.letter(record, DeadLetterReason.of(e), e)));
            return;
        }
        if (event instanceof OrderPlaced placed) {
            context.forward(Outcome.processed(record.withKey(placed.customerId())
                    .withValue(new PlacedOrder(placed.currency(), placed.total(), record.timestamp()))));
        }
    }
}
