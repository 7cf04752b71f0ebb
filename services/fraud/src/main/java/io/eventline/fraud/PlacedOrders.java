package io.eventline.fraud;

import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.orders.OrderEvent;
import io.eventline.contracts.orders.OrderPlaced;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.MalformedEnvelopeException;
import io.eventline.core.envelope.MalformedMessageException;
import io.eventline.core.envelope.UnknownMessageTypeException;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The placed orders among an order's events, re-keyed by customer id: {@code order.placed} and
 * nothing else. A processor rather than a mapper because it needs the record's timestamp, the event
 * time the windows use.
 */
final class PlacedOrders implements Processor<String, byte[], String, PlacedOrder> {
    private static final Logger LOG = LoggerFactory.getLogger(PlacedOrders.class);
    static final String PLACED = "order.placed";

    private ProcessorContext<String, PlacedOrder> context;

    @Override
    public void init(ProcessorContext<String, PlacedOrder> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, byte[]> record) {
        read(record.key(), record.value()).ifPresent(placed -> context.forward(record.withKey(placed.customerId())
                .withValue(new PlacedOrder(placed.currency(), placed.total(), record.timestamp()))));
    }

    /** The placed order, or nothing for any other event and for one that cannot be read. */
    static Optional<OrderPlaced> read(String orderId, byte[] value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            EventEnvelope envelope = EnvelopeCodec.fromBytes(value);
            // Checked before decoding, so that a type added to orders.events later cannot stop fraud detection.
            if (!envelope.eventType().equals(PLACED)) {
                return Optional.empty();
            }
            OrderEvent event = OrderContracts.EVENTS.decode(envelope.eventType(), envelope.version(), envelope.data());
            return event instanceof OrderPlaced placed ? Optional.of(placed) : Optional.empty();
        } catch (MalformedEnvelopeException | UnknownMessageTypeException | MalformedMessageException e) {
            // Dead-lettering lands with the DLQ; until then an unreadable event is logged and skipped.
            LOG.warn("fraud: unreadable event on {} (key {}): {}", OrderContracts.TOPIC, orderId, e.getMessage());
            return Optional.empty();
        }
    }
}
