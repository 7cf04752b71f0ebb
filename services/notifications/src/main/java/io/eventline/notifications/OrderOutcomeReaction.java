package io.eventline.notifications;

import io.eventline.contracts.customers.CustomerContracts;
import io.eventline.contracts.customers.CustomerEvent;
import io.eventline.contracts.customers.CustomerUpdated;
import io.eventline.contracts.notifications.NotificationCommand;
import io.eventline.contracts.notifications.Notify;
import io.eventline.contracts.orders.OrderCancelled;
import io.eventline.contracts.orders.OrderEvent;
import io.eventline.contracts.orders.OrderItemReserved;
import io.eventline.contracts.orders.OrderPaid;
import io.eventline.contracts.orders.OrderPlaced;
import io.eventline.contracts.orders.OrderReserved;
import io.eventline.contracts.orders.OrderShipped;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.MalformedEnvelopeException;
import io.eventline.core.envelope.MalformedMessageException;
import io.eventline.core.envelope.UnknownMessageTypeException;
import io.eventline.core.reaction.LookupReaction;
import io.eventline.core.reaction.Lookups;
import io.eventline.core.reaction.Routed;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An order's terminal event asks for its message, addressed from notifications' own copy of the
 * {@code customers} topic (never by asking the customers service). An unknown or deleted customer
 * still gets a message, with no address: the outcome is recorded, and {@code to} says why none went.
 */
final class OrderOutcomeReaction implements LookupReaction<OrderEvent, NotificationCommand> {
    private static final Logger LOG = LoggerFactory.getLogger(OrderOutcomeReaction.class);

    @Override
    public List<Routed<NotificationCommand>> react(OrderEvent event, Lookups lookups) {
        return switch (event) {
            case OrderShipped e -> notify(new Notify(e.orderId(), e.customerId(), NotificationDecider.SHIPPED,
                    null, email(lookups, e.customerId())));
            case OrderCancelled e -> notify(new Notify(e.orderId(), e.customerId(), NotificationDecider.CANCELLED,
                    e.reason().name(), email(lookups, e.customerId())));
            case OrderPlaced e -> List.of();
            case OrderPaid e -> List.of();
            case OrderItemReserved e -> List.of();
            case OrderReserved e -> List.of();
        };
    }

    private static List<Routed<NotificationCommand>> notify(Notify command) {
        return List.of(new Routed<>(command.orderId(), command));
    }

    /** The customer's email, or null when the customer is unknown, deleted or unreadable. */
    private static String email(Lookups lookups, String customerId) {
        return lookups.get(NotificationsService.CUSTOMERS_STORE, customerId)
                .map(bytes -> read(customerId, bytes))
                .orElse(null);
    }

    private static String read(String customerId, byte[] bytes) {
        try {
            EventEnvelope envelope = EnvelopeCodec.fromBytes(bytes);
            CustomerEvent customer = CustomerContracts.EVENTS.decode(
                    envelope.eventType(), envelope.version(), envelope.data());
            return switch (customer) {
                case CustomerUpdated c -> c.email();
            };
        } catch (MalformedEnvelopeException | UnknownMessageTypeException | MalformedMessageException e) {
            // A bad customer record must not stop the outcome being recorded: sent without an address.
            LOG.warn("customer {} is unreadable in {}; notifying without an address: {}",
                    customerId, NotificationsService.CUSTOMERS_STORE, e.getMessage());
            return null;
        }
    }
}
