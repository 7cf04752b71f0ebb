package io.eventline.analytics;

import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.orders.OrderEvent;
import io.eventline.contracts.orders.OrderShipped;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.MalformedEnvelopeException;
import io.eventline.core.envelope.MalformedMessageException;
import io.eventline.core.envelope.UnknownMessageTypeException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sales among an order's events: {@code order.shipped}, and nothing else. */
final class ShippedOrders {
    private static final Logger LOG = LoggerFactory.getLogger(ShippedOrders.class);
    static final String SHIPPED = "order.shipped";

    private ShippedOrders() {
    }

    /** The shipped order, or nothing for any other event and for one that cannot be read. */
    static List<OrderShipped> read(String orderId, byte[] value) {
        if (value == null) {
            return List.of();
        }
        try {
            EventEnvelope envelope = EnvelopeCodec.fromBytes(value);
            // Checked before decoding, so that a type added to orders.events later cannot stop analytics.
            if (!envelope.eventType().equals(SHIPPED)) {
                return List.of();
            }
            OrderEvent event = OrderContracts.EVENTS.decode(envelope.eventType(), envelope.version(), envelope.data());
            return event instanceof OrderShipped shipped ? List.of(shipped) : List.of();
        } catch (MalformedEnvelopeException | UnknownMessageTypeException | MalformedMessageException e) {
            // Dead-lettering lands with the DLQ; until then an unreadable event is logged and skipped.
            LOG.warn("analytics: unreadable event on {} (key {}): {}", OrderContracts.TOPIC, orderId, e.getMessage());
            return List.of();
        }
    }
}
