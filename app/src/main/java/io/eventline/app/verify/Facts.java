package io.eventline.app.verify;

import io.eventline.app.verify.Fact.ForOrder;
import io.eventline.app.verify.Fact.Role;
import io.eventline.contracts.accounts.AccountContracts;
import io.eventline.contracts.accounts.AccountDeposited;
import io.eventline.contracts.accounts.AccountEvent;
import io.eventline.contracts.accounts.AccountWithdrawn;
import io.eventline.contracts.accounts.PaymentFailed;
import io.eventline.contracts.accounts.PaymentRefunded;
import io.eventline.contracts.accounts.PaymentTaken;
import io.eventline.contracts.inventory.InventoryContracts;
import io.eventline.contracts.inventory.InventoryEvent;
import io.eventline.contracts.inventory.StockAdded;
import io.eventline.contracts.inventory.StockReleased;
import io.eventline.contracts.inventory.StockReservationFailed;
import io.eventline.contracts.inventory.StockReserved;
import io.eventline.contracts.inventory.StockShipped;
import io.eventline.contracts.notifications.NotificationContracts;
import io.eventline.contracts.notifications.NotificationSent;
import io.eventline.contracts.orders.OrderCancelled;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.orders.OrderEvent;
import io.eventline.contracts.orders.OrderItemReserved;
import io.eventline.contracts.orders.OrderPaid;
import io.eventline.contracts.orders.OrderPlaced;
import io.eventline.contracts.orders.OrderReserved;
import io.eventline.contracts.orders.OrderShipped;
import io.eventline.contracts.shipments.ShipmentContracts;
import io.eventline.core.envelope.EventEnvelope;

/**
 * Reads what an event tells about orders, money and stock, through the contracts' catalogues (older
 * versions upcast): the switches over the sealed event types make the compiler point here when an
 * event type is added.
 *
 * @throws io.eventline.core.envelope.UnknownMessageTypeException for a type or version no contract knows
 * @throws io.eventline.core.envelope.MalformedMessageException for data that does not fit its type
 */
final class Facts {
    private Facts() {
    }

    static Fact of(String topic, EventEnvelope envelope) {
        // Not a switch: the topics' names are derived (AggregateTopics), not constant expressions.
        if (topic.equals(OrderContracts.TOPIC)) {
            return ofOrder(envelope.eventType(),
                    OrderContracts.EVENTS.decode(envelope.eventType(), envelope.version(), envelope.data()));
        }
        if (topic.equals(AccountContracts.TOPIC)) {
            return ofAccount(envelope.eventType(),
                    AccountContracts.EVENTS.decode(envelope.eventType(), envelope.version(), envelope.data()));
        }
        if (topic.equals(InventoryContracts.TOPIC)) {
            return ofStock(envelope.eventType(),
                    InventoryContracts.EVENTS.decode(envelope.eventType(), envelope.version(), envelope.data()));
        }
        if (topic.equals(ShipmentContracts.TOPIC)) {
            ShipmentContracts.EVENTS.decode(envelope.eventType(), envelope.version(), envelope.data());
            return new ForOrder(envelope.aggregateId(), envelope.eventType(), null, Role.STEP, null);
        }
        if (topic.equals(NotificationContracts.TOPIC)) {
            NotificationSent sent = (NotificationSent) NotificationContracts.EVENTS.decode(envelope.eventType(),
                    envelope.version(), envelope.data());
            return new ForOrder(sent.orderId(), envelope.eventType(), null, Role.NOTIFIED, null);
        }
        return new Fact.Nothing();
    }

    private static Fact ofOrder(String type, OrderEvent event) {
        return switch (event) {
            case OrderPlaced e -> new ForOrder(e.orderId(), type, null, Role.PLACED, null);
            case OrderShipped e -> new ForOrder(e.orderId(), type, null, Role.OUTCOME, "SHIPPED");
            case OrderCancelled e -> new ForOrder(e.orderId(), type, null, Role.OUTCOME, e.reason().name());
            case OrderPaid e -> new ForOrder(e.orderId(), type, null, Role.ONCE, null);
            case OrderItemReserved e -> new ForOrder(e.orderId(), type, e.sku(), Role.ONCE, null);
            case OrderReserved e -> new ForOrder(e.orderId(), type, null, Role.ONCE, null);
        };
    }

    private static Fact ofAccount(String type, AccountEvent event) {
        return switch (event) {
            case AccountDeposited e -> new Fact.Deposit(e.customerId(), e.amount());
            case AccountWithdrawn e -> new Fact.Nothing();
            case PaymentTaken e -> new ForOrder(e.orderId(), type, null, Role.ONCE, null);
            case PaymentRefunded e -> new ForOrder(e.orderId(), type, null, Role.ONCE, null);
            case PaymentFailed e -> new ForOrder(e.orderId(), type, null, Role.STEP, null);
        };
    }

    private static Fact ofStock(String type, InventoryEvent event) {
        return switch (event) {
            case StockAdded e -> new Fact.StockIn(e.sku(), e.quantity());
            case StockReserved e -> new ForOrder(e.orderId(), type, e.sku(), Role.ONCE, null);
            case StockReleased e -> new ForOrder(e.orderId(), type, e.sku(), Role.ONCE, null);
            case StockShipped e -> new ForOrder(e.orderId(), type, e.sku(), Role.ONCE, null);
            case StockReservationFailed e -> new ForOrder(e.orderId(), type, e.sku(), Role.STEP, null);
        };
    }
}
