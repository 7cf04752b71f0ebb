package io.eventline.shipping;

import io.eventline.contracts.customers.Address;
import io.eventline.contracts.customers.CustomerContracts;
import io.eventline.contracts.customers.CustomerUpdated;
import io.eventline.contracts.orders.OrderCancelled;
import io.eventline.contracts.orders.OrderEvent;
import io.eventline.contracts.orders.OrderItemReserved;
import io.eventline.contracts.orders.OrderPaid;
import io.eventline.contracts.orders.OrderPlaced;
import io.eventline.contracts.orders.OrderReserved;
import io.eventline.contracts.orders.OrderShipped;
import io.eventline.contracts.shipments.CancelShipment;
import io.eventline.contracts.shipments.ScheduleShipment;
import io.eventline.contracts.shipments.ShipmentCommand;
import io.eventline.core.envelope.EnvelopeCodec;
import io.eventline.core.envelope.EventEnvelope;
import io.eventline.core.envelope.MalformedEnvelopeException;
import io.eventline.core.envelope.MalformedMessageException;
import io.eventline.core.envelope.UnknownMessageTypeException;
import io.eventline.core.reaction.LookupReaction;
import io.eventline.core.reaction.Lookups;
import io.eventline.core.reaction.Routed;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shipping, choreographed: ship a reserved order to the address shipping's own copy of the customers
 * topic holds for its customer (none known: the decider fails it), call the shipment off when the
 * order is cancelled. It never asks the customers service.
 */
public final class ShippingReaction implements LookupReaction<OrderEvent, ShipmentCommand> {
    private static final Logger LOG = LoggerFactory.getLogger(ShippingReaction.class);

    @Override
    public List<Routed<ShipmentCommand>> react(OrderEvent event, Lookups lookups) {
        return switch (event) {
            case OrderReserved e -> List.of(new Routed<>(e.orderId(),
                    new ScheduleShipment(e.orderId(), e.customerId(), address(e.customerId(), lookups))));
            case OrderCancelled e -> List.of(new Routed<>(e.orderId(),
                    new CancelShipment(e.orderId(), e.customerId())));
            case OrderPlaced e -> List.of();
            case OrderPaid e -> List.of();
            case OrderItemReserved e -> List.of();
            case OrderShipped e -> List.of();
        };
    }

    /** The customer's address as shipping's copy holds it; null when unknown, deleted or unreadable. */
    static Address address(String customerId, Lookups lookups) {
        return lookups.get(ShippingService.CUSTOMERS_STORE, customerId)
                .flatMap(bytes -> customer(customerId, bytes))
                .map(CustomerUpdated::address)
                .orElse(null);
    }

    private static Optional<CustomerUpdated> customer(String customerId, byte[] bytes) {
        try {
            EventEnvelope envelope = EnvelopeCodec.fromBytes(bytes);
            return Optional.of(switch (CustomerContracts.EVENTS.decode(
                    envelope.eventType(), envelope.version(), envelope.data())) {
                case CustomerUpdated updated -> updated;
            });
        } catch (MalformedEnvelopeException | UnknownMessageTypeException | MalformedMessageException e) {
            // An address shipping cannot read is one it cannot ship to: the order fails as NO_ADDRESS
            // rather than stopping every order behind it on the partition.
            LOG.warn("customer {}: unreadable in {}, taken as no address: {}", customerId,
                    ShippingService.CUSTOMERS_STORE, e.getMessage());
            return Optional.empty();
        }
    }
}
