package io.eventline.orders;

import static io.eventline.orders.OrderFixtures.CAKE_RESERVED;
import static io.eventline.orders.OrderFixtures.CUSTOMER;
import static io.eventline.orders.OrderFixtures.ID;
import static io.eventline.orders.OrderFixtures.ITEMS;
import static io.eventline.orders.OrderFixtures.PAID;
import static io.eventline.orders.OrderFixtures.PLACE;
import static io.eventline.orders.OrderFixtures.PLACED;
import static io.eventline.orders.OrderFixtures.RESERVED;
import static io.eventline.orders.OrderFixtures.TEA_RESERVED;
import static io.eventline.orders.OrderFixtures.TOTAL;
import static io.eventline.orders.OrderFixtures.cancelled;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.contracts.orders.CancelOrder;
import io.eventline.contracts.orders.CancelReason;
import io.eventline.contracts.orders.ConfirmPayment;
import io.eventline.contracts.orders.ConfirmShipment;
import io.eventline.contracts.orders.ConfirmStock;
import io.eventline.contracts.orders.OrderCommand;
import io.eventline.contracts.orders.OrderEvent;
import io.eventline.contracts.orders.OrderShipped;
import io.eventline.contracts.orders.PlaceOrder;
import io.eventline.core.testing.DeciderSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderDeciderTest {
    final DeciderSpec<OrderCommand, Order, OrderEvent> order = DeciderSpec.of(new OrderDecider());

    @Test
    void shouldPlaceAnOrderWithItsTotal() {
        Order placed = order.given().when(PLACE).then(PLACED);
        assertThat(placed.status()).isEqualTo(OrderStatus.PLACED);
        assertThat(placed.total()).isEqualTo(TOTAL);
    }

    @Test
    void shouldAcceptTheSameOrderAgainWithoutAnyEvent() {
        order.given(PLACED, PAID).when(PLACE).then();
    }

    @Test
    void shouldRefuseAnotherBodyUnderTheSameId() {
        order.given(PLACED).when(new PlaceOrder(ID, CUSTOMER, ITEMS.subList(0, 1), "EUR"))
                .thenRejected(OrderDecider.EXISTS);
        order.given(PLACED).when(new PlaceOrder(ID, "bob", ITEMS, "EUR")).thenRejected(OrderDecider.EXISTS);
    }

    @Test
    void shouldBePaidOnceWhenThePaymentIsConfirmed() {
        order.given(PLACED).when(new ConfirmPayment(ID)).then(PAID);
        order.given(PLACED, PAID).when(new ConfirmPayment(ID)).then();
    }

    @Test
    void shouldBeReservedWhenEverySkuIsConfirmed() {
        order.given(PLACED, PAID).when(new ConfirmStock(ID, "tea")).then(TEA_RESERVED);
        Order reserved = order.given(PLACED, PAID, TEA_RESERVED).when(new ConfirmStock(ID, "cake"))
                .then(CAKE_RESERVED, RESERVED);
        assertThat(reserved.status()).isEqualTo(OrderStatus.RESERVED);
    }

    @Test
    void shouldIgnoreAStockConfirmationTwiceForAnUnknownSkuOrBeforePayment() {
        order.given(PLACED, PAID, TEA_RESERVED).when(new ConfirmStock(ID, "tea")).then();
        order.given(PLACED, PAID).when(new ConfirmStock(ID, "coffee")).then();
        order.given(PLACED).when(new ConfirmStock(ID, "tea")).then();
    }

    @Test
    void shouldShipOnceReserved() {
        order.given(PLACED, PAID, TEA_RESERVED, CAKE_RESERVED, RESERVED).when(new ConfirmShipment(ID))
                .then(new OrderShipped(ID, CUSTOMER, ITEMS, "EUR", TOTAL));
        order.given(PLACED, PAID).when(new ConfirmShipment(ID)).then();
    }

    @Test
    void shouldCancelWithTheReasonAndThenIgnoreLateConfirmations() {
        order.given(PLACED).when(new CancelOrder(ID, CancelReason.INSUFFICIENT_FUNDS))
                .then(cancelled(CancelReason.INSUFFICIENT_FUNDS));
        var cancelled = cancelled(CancelReason.CANCELLED_BY_CUSTOMER);
        order.given(PLACED, cancelled).when(new ConfirmPayment(ID)).then();
        order.given(PLACED, PAID, cancelled).when(new ConfirmStock(ID, "tea")).then();
        order.given(PLACED, PAID, cancelled).when(new ConfirmShipment(ID)).then();
    }

    @Test
    void shouldKeepTheFirstReasonWhenCancelledTwice() {
        Order once = new OrderDecider().fold(List.of(PLACED, cancelled(CancelReason.OUT_OF_STOCK)));
        order.given(PLACED, cancelled(CancelReason.OUT_OF_STOCK))
                .when(new CancelOrder(ID, CancelReason.CANCELLED_BY_CUSTOMER)).then();
        assertThat(once.reason()).isEqualTo(CancelReason.OUT_OF_STOCK);
    }

    @Test
    void shouldRefuseToCancelAShippedOrUnknownOrder() {
        order.given(PLACED, PAID, TEA_RESERVED, CAKE_RESERVED, RESERVED,
                        new OrderShipped(ID, CUSTOMER, ITEMS, "EUR", TOTAL))
                .when(new CancelOrder(ID, CancelReason.CANCELLED_BY_CUSTOMER)).thenRejected(OrderDecider.SHIPPED);
        order.given().when(new CancelOrder(ID, CancelReason.CANCELLED_BY_CUSTOMER)).thenRejected(OrderDecider.UNKNOWN);
    }
}
