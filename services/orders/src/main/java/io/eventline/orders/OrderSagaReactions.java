package io.eventline.orders;

import io.eventline.contracts.accounts.AccountDeposited;
import io.eventline.contracts.accounts.AccountEvent;
import io.eventline.contracts.accounts.AccountWithdrawn;
import io.eventline.contracts.accounts.PaymentFailed;
import io.eventline.contracts.accounts.PaymentRefunded;
import io.eventline.contracts.accounts.PaymentTaken;
import io.eventline.contracts.inventory.InventoryEvent;
import io.eventline.contracts.inventory.StockAdded;
import io.eventline.contracts.inventory.StockReleased;
import io.eventline.contracts.inventory.StockReservationFailed;
import io.eventline.contracts.inventory.StockReserved;
import io.eventline.contracts.inventory.StockShipped;
import io.eventline.contracts.orders.CancelOrder;
import io.eventline.contracts.orders.CancelReason;
import io.eventline.contracts.orders.ConfirmPayment;
import io.eventline.contracts.orders.ConfirmShipment;
import io.eventline.contracts.orders.ConfirmStock;
import io.eventline.contracts.orders.OrderCommand;
import io.eventline.contracts.shipments.ShipmentCancelled;
import io.eventline.contracts.shipments.ShipmentEvent;
import io.eventline.contracts.shipments.ShipmentFailed;
import io.eventline.contracts.shipments.ShipmentScheduled;
import io.eventline.core.reaction.Reaction;
import io.eventline.core.reaction.Routed;
import java.util.List;

/**
 * The order's side of the choreographed saga: how the outcomes other services announce move the
 * order on, or cancel it with the reason. Each is pure; the decider makes each step happen once.
 */
final class OrderSagaReactions {
    private OrderSagaReactions() {
    }

    static final Reaction<AccountEvent, OrderCommand> ON_PAYMENTS = event -> switch (event) {
        case PaymentTaken e -> List.of(routed(e.orderId(), new ConfirmPayment(e.orderId())));
        case PaymentFailed e -> List.of(routed(e.orderId(), new CancelOrder(e.orderId(),
                CancelReason.INSUFFICIENT_FUNDS)));
        case PaymentRefunded e -> List.of();
        case AccountDeposited e -> List.of();
        case AccountWithdrawn e -> List.of();
    };

    static final Reaction<InventoryEvent, OrderCommand> ON_STOCK = event -> switch (event) {
        case StockReserved e -> List.of(routed(e.orderId(), new ConfirmStock(e.orderId(), e.sku())));
        case StockReservationFailed e -> List.of(routed(e.orderId(), new CancelOrder(e.orderId(),
                CancelReason.OUT_OF_STOCK)));
        case StockAdded e -> List.of();
        case StockReleased e -> List.of();
        case StockShipped e -> List.of();
    };

    static final Reaction<ShipmentEvent, OrderCommand> ON_SHIPMENTS = event -> switch (event) {
        case ShipmentScheduled e -> List.of(routed(e.orderId(), new ConfirmShipment(e.orderId())));
        case ShipmentFailed e -> List.of(routed(e.orderId(), new CancelOrder(e.orderId(),
                CancelReason.SHIPPING_UNAVAILABLE)));
        case ShipmentCancelled e -> List.of();
    };

    private static Routed<OrderCommand> routed(String orderId, OrderCommand command) {
        return new Routed<>(orderId, command);
    }
}
