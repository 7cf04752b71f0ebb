package io.eventline.orders;

import static io.eventline.orders.OrderFixtures.money;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.contracts.accounts.PaymentFailed;
import io.eventline.contracts.accounts.PaymentRefunded;
import io.eventline.contracts.accounts.PaymentTaken;
import io.eventline.contracts.customers.Address;
import io.eventline.contracts.inventory.StockAdded;
import io.eventline.contracts.inventory.StockReservationFailed;
import io.eventline.contracts.inventory.StockReserved;
import io.eventline.contracts.orders.CancelOrder;
import io.eventline.contracts.orders.CancelReason;
import io.eventline.contracts.orders.ConfirmPayment;
import io.eventline.contracts.orders.ConfirmShipment;
import io.eventline.contracts.orders.ConfirmStock;
import io.eventline.contracts.shipments.ShipmentCancelled;
import io.eventline.contracts.shipments.ShipmentContracts;
import io.eventline.contracts.shipments.ShipmentFailed;
import io.eventline.contracts.shipments.ShipmentScheduled;
import io.eventline.core.reaction.Routed;
import org.junit.jupiter.api.Test;

class OrderSagaReactionsTest {
    @Test
    void shouldMoveTheOrderOnWhenTheOtherServicesSucceed() {
        assertThat(OrderSagaReactions.ON_PAYMENTS.react(new PaymentTaken("alice", "o-1", money("5"))))
                .containsExactly(new Routed<>("o-1", new ConfirmPayment("o-1")));
        assertThat(OrderSagaReactions.ON_STOCK.react(new StockReserved("tea", "o-1", 2)))
                .containsExactly(new Routed<>("o-1", new ConfirmStock("o-1", "tea")));
        assertThat(OrderSagaReactions.ON_SHIPMENTS.react(
                new ShipmentScheduled("o-1", "alice", new Address("1 Road", "Town", "1000", "FR"))))
                .containsExactly(new Routed<>("o-1", new ConfirmShipment("o-1")));
    }

    @Test
    void shouldCancelTheOrderWithTheReasonWhenAStepFails() {
        assertThat(OrderSagaReactions.ON_PAYMENTS.react(new PaymentFailed("alice", "o-1", money("5"))))
                .containsExactly(new Routed<>("o-1", new CancelOrder("o-1", CancelReason.INSUFFICIENT_FUNDS)));
        assertThat(OrderSagaReactions.ON_STOCK.react(new StockReservationFailed("tea", "o-1", 2, 1)))
                .containsExactly(new Routed<>("o-1", new CancelOrder("o-1", CancelReason.OUT_OF_STOCK)));
        assertThat(OrderSagaReactions.ON_SHIPMENTS.react(
                new ShipmentFailed("o-1", "alice", ShipmentContracts.UNSUPPORTED_COUNTRY)))
                .containsExactly(new Routed<>("o-1", new CancelOrder("o-1", CancelReason.SHIPPING_UNAVAILABLE)));
    }

    @Test
    void shouldIgnoreEventsThatDoNotMoveAnOrder() {
        assertThat(OrderSagaReactions.ON_PAYMENTS.react(new PaymentRefunded("alice", "o-1", money("5")))).isEmpty();
        assertThat(OrderSagaReactions.ON_STOCK.react(new StockAdded("tea", 5))).isEmpty();
        assertThat(OrderSagaReactions.ON_SHIPMENTS.react(new ShipmentCancelled("o-1", "alice"))).isEmpty();
    }
}
