package io.eventline.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.contracts.Money;
import io.eventline.contracts.inventory.ReleaseStock;
import io.eventline.contracts.inventory.ReserveStock;
import io.eventline.contracts.inventory.ShipStock;
import io.eventline.contracts.orders.CancelReason;
import io.eventline.contracts.orders.Lines;
import io.eventline.contracts.orders.OrderCancelled;
import io.eventline.contracts.orders.OrderItemReserved;
import io.eventline.contracts.orders.OrderLine;
import io.eventline.contracts.orders.OrderPaid;
import io.eventline.contracts.orders.OrderPlaced;
import io.eventline.contracts.orders.OrderReserved;
import io.eventline.contracts.orders.OrderShipped;
import io.eventline.core.reaction.Routed;
import java.util.List;
import org.junit.jupiter.api.Test;

class StockReactionTest {
    static final String ORDER = "order-1";
    static final String CUSTOMER = "alice";
    /** Two lines of sku-b (merged into one reservation of 5), one of sku-a, out of sku order. */
    static final List<OrderLine> ITEMS = List.of(line("sku-b", 2), line("sku-a", 1), line("sku-b", 3));

    final StockReaction reaction = new StockReaction();

    @Test
    void shouldReserveEachSkuOnceWithItsLinesAddedUpWhenTheOrderIsPaid() {
        var commands = reaction.react(new OrderPaid(ORDER, CUSTOMER, ITEMS, Lines.total(ITEMS)));

        assertThat(commands).containsExactly(
                new Routed<>("sku-a", new ReserveStock("sku-a", ORDER, 1)),
                new Routed<>("sku-b", new ReserveStock("sku-b", ORDER, 5)));
    }

    @Test
    void shouldReleaseEachSkuOnceWhenTheOrderIsCancelled() {
        var commands = reaction.react(new OrderCancelled(ORDER, CUSTOMER, ITEMS, CancelReason.SHIPPING_UNAVAILABLE));

        assertThat(commands).containsExactly(
                new Routed<>("sku-a", new ReleaseStock("sku-a", ORDER)),
                new Routed<>("sku-b", new ReleaseStock("sku-b", ORDER)));
    }

    @Test
    void shouldShipEachSkuOnceWhenTheOrderShips() {
        var commands = reaction.react(new OrderShipped(ORDER, CUSTOMER, ITEMS, "EUR", Lines.total(ITEMS)));

        assertThat(commands).containsExactly(
                new Routed<>("sku-a", new ShipStock("sku-a", ORDER)),
                new Routed<>("sku-b", new ShipStock("sku-b", ORDER)));
    }

    @Test
    void shouldAskNothingWhenTheOrderIsPlacedOrReserved() {
        assertThat(reaction.react(new OrderPlaced(ORDER, CUSTOMER, ITEMS, "EUR", Lines.total(ITEMS)))).isEmpty();
        assertThat(reaction.react(new OrderItemReserved(ORDER, CUSTOMER, "sku-a"))).isEmpty();
        assertThat(reaction.react(new OrderReserved(ORDER, CUSTOMER, ITEMS))).isEmpty();
    }

    static OrderLine line(String sku, int quantity) {
        return new OrderLine(sku, quantity, new Money(250));
    }
}
