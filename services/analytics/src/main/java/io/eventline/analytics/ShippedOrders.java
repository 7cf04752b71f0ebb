package io.eventline.analytics;

import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.orders.OrderEvent;
import io.eventline.contracts.orders.OrderShipped;
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
 * The sales among an order's events: {@code order.shipped}, and nothing else. An event it cannot read
 * (not an envelope, an unknown type or version, data that does not fit) goes to analytics' dead-letter
 * topic, in the transaction that moves past it: a type added to {@code orders.events} that this build
 * does not know is kept for a replay once analytics knows it, and never stops analytics meanwhile.
 */
final class ShippedOrders implements Processor<String, byte[], String, Outcome<OrderShipped>> {
    static final String NODE = "analytics-shipped-orders";

    private ProcessorContext<String, Outcome<OrderShipped>> context;
    private DeadLetters deadLetters;

    @Override
    public void init(ProcessorContext<String, Outcome<OrderShipped>> context) {
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
        if (event instanceof OrderShipped shipped) {
            context.forward(Outcome.processed(record.withValue(shipped)));
        }
    }
}
