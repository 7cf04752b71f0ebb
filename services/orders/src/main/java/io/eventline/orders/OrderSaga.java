package io.eventline.orders;

import io.eventline.contracts.Money;
import io.eventline.contracts.accounts.AccountCommand;
import io.eventline.contracts.accounts.AccountContracts;
import io.eventline.contracts.accounts.RefundPayment;
import io.eventline.contracts.accounts.TakePayment;
import io.eventline.contracts.inventory.InventoryCommand;
import io.eventline.contracts.inventory.InventoryContracts;
import io.eventline.contracts.inventory.ReleaseStock;
import io.eventline.contracts.inventory.ReserveStock;
import io.eventline.contracts.inventory.ShipStock;
import io.eventline.contracts.orders.CancelOrder;
import io.eventline.contracts.orders.CancelReason;
import io.eventline.contracts.orders.ConfirmPayment;
import io.eventline.contracts.orders.ConfirmShipment;
import io.eventline.contracts.orders.ConfirmStock;
import io.eventline.contracts.orders.Lines;
import io.eventline.contracts.orders.OrderCancelled;
import io.eventline.contracts.orders.OrderCommand;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.contracts.orders.OrderLine;
import io.eventline.contracts.orders.OrderPlaced;
import io.eventline.contracts.shipments.CancelShipment;
import io.eventline.contracts.shipments.ScheduleShipment;
import io.eventline.contracts.shipments.ShipmentCommand;
import io.eventline.contracts.shipments.ShipmentContracts;
import io.eventline.core.saga.SagaCommand;
import io.eventline.core.saga.SagaDefinition;
import io.eventline.core.saga.SagaStep;
import io.eventline.core.saga.SagaTriggers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The order workflow, orchestrated: payment, then stock, then shipment, each awaited; on a failure
 * the completed steps are undone in reverse order, then the order is cancelled with the reason. The
 * services answer with the same deciders as in the choreography; only who sends the commands differs.
 * The orchestrator knows the commands of other services (their contracts), never their code.
 */
final class OrderSaga {
    static final String NAME = "orders-saga";

    /** What the saga carries from start to end: the placed order. */
    record PlacedOrder(String orderId, String customerId, List<OrderLine> items, Money total) {
        PlacedOrder {
            items = List.copyOf(items);
        }
    }

    private OrderSaga() {
    }

    static SagaDefinition<PlacedOrder> definition() {
        return new SagaDefinition<>(NAME, PlacedOrder.class, List.of(payment(), stock(), shipment()),
                order -> List.of(),
                (order, reason) -> List.of(toOrder(order,
                        new CancelOrder(order.orderId(), CancelReason.valueOf(reason)))));
    }

    private static SagaStep<PlacedOrder> payment() {
        return SagaStep.<PlacedOrder>of("payment", order -> List.of(toAccount(order,
                        new TakePayment(order.customerId(), order.orderId(), order.total()))))
                .succeededWhen(reply -> reply.appended("payment.taken"))
                .failsWith(CancelReason.INSUFFICIENT_FUNDS.name())
                .compensatedBy("payment.refund", order -> List.of(toAccount(order,
                        new RefundPayment(order.customerId(), order.orderId()))))
                .onDoneSend(order -> List.of(toOrder(order, new ConfirmPayment(order.orderId()))));
    }

    private static SagaStep<PlacedOrder> stock() {
        return SagaStep.<PlacedOrder>of("stock", order -> perSku(order,
                        (sku, quantity) -> toStock(sku, new ReserveStock(sku, order.orderId(), quantity))))
                .succeededWhen(reply -> reply.appended("stock.reserved"))
                .failsWith(CancelReason.OUT_OF_STOCK.name())
                .compensatedBy("stock.release", order -> perSku(order,
                        (sku, quantity) -> toStock(sku, new ReleaseStock(sku, order.orderId()))))
                .onDoneSend(order -> perSku(order,
                        (sku, quantity) -> toOrder(order, new ConfirmStock(order.orderId(), sku))));
    }

    private static SagaStep<PlacedOrder> shipment() {
        // No address: shipping fills it in from its own copy of customers.
        return SagaStep.<PlacedOrder>of("shipment", order -> List.of(toShipping(order,
                        new ScheduleShipment(order.orderId(), order.customerId(), null))))
                .succeededWhen(reply -> reply.appended("shipment.scheduled"))
                .failsWith(CancelReason.SHIPPING_UNAVAILABLE.name())
                .compensatedBy("shipment.cancel", order -> List.of(toShipping(order,
                        new CancelShipment(order.orderId(), order.customerId()))))
                .onDoneSend(order -> {
                    List<SagaCommand> done = new ArrayList<>(perSku(order,
                            (sku, quantity) -> toStock(sku, new ShipStock(sku, order.orderId()))));
                    done.add(toOrder(order, new ConfirmShipment(order.orderId())));
                    return done;
                });
    }

    /** Starts on order.placed; a customer's cancel aborts the saga, which then undoes what was done. */
    static SagaTriggers<PlacedOrder> triggers() {
        return SagaTriggers.<PlacedOrder>none()
                .startOn(OrderContracts.TOPIC, OrderContracts.EVENTS, event -> event instanceof OrderPlaced p
                        ? Optional.of(new PlacedOrder(p.orderId(), p.customerId(), p.items(), p.total()))
                        : Optional.empty())
                .abortOn(OrderContracts.TOPIC, OrderContracts.EVENTS, event -> event instanceof OrderCancelled c
                        && c.reason() == CancelReason.CANCELLED_BY_CUSTOMER
                        ? Optional.of(c.reason().name()) : Optional.empty());
    }

    private interface PerSku {
        SagaCommand command(String sku, int quantity);
    }

    private static List<SagaCommand> perSku(PlacedOrder order, PerSku command) {
        return Lines.quantities(order.items()).entrySet().stream()
                .map(line -> command.command(line.getKey(), line.getValue())).toList();
    }

    private static SagaCommand toOrder(PlacedOrder order, OrderCommand command) {
        return SagaCommand.of(OrdersService.AGGREGATE, order.orderId(), command);
    }

    // Other services' commands, from their contracts: their catalogues and their command topics.
    private static SagaCommand toAccount(PlacedOrder order, AccountCommand command) {
        return SagaCommand.of(AccountContracts.TOPICS.commands().name(), AccountContracts.COMMANDS, order.customerId(),
                command);
    }

    private static SagaCommand toStock(String sku, InventoryCommand command) {
        return SagaCommand.of(InventoryContracts.TOPICS.commands().name(), InventoryContracts.COMMANDS, sku, command);
    }

    private static SagaCommand toShipping(PlacedOrder order, ShipmentCommand command) {
        return SagaCommand.of(ShipmentContracts.TOPICS.commands().name(), ShipmentContracts.COMMANDS, order.orderId(),
                command);
    }
}
