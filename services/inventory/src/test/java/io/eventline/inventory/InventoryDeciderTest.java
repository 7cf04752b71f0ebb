package io.eventline.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.contracts.inventory.AddStock;
import io.eventline.contracts.inventory.InventoryCommand;
import io.eventline.contracts.inventory.InventoryEvent;
import io.eventline.contracts.inventory.ReleaseStock;
import io.eventline.contracts.inventory.ReserveStock;
import io.eventline.contracts.inventory.ShipStock;
import io.eventline.contracts.inventory.StockAdded;
import io.eventline.contracts.inventory.StockReleased;
import io.eventline.contracts.inventory.StockReservationFailed;
import io.eventline.contracts.inventory.StockReserved;
import io.eventline.contracts.inventory.StockShipped;
import io.eventline.core.testing.DeciderSpec;
import io.eventline.inventory.Stock.Reservation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryDeciderTest {
    static final String SKU = "sku-1";
    static final String ORDER = "order-1";
    final DeciderSpec<InventoryCommand, Stock, InventoryEvent> stock = DeciderSpec.of(new InventoryDecider());

    final StockAdded added10 = new StockAdded(SKU, 10);
    final StockReserved reserved4 = new StockReserved(SKU, ORDER, 4);

    @Test
    void shouldAddStockToANewSku() {
        Stock after = stock.given().when(new AddStock(SKU, 10)).then(added10);
        assertThat(after).isEqualTo(new Stock(10, 0, Map.of()));
    }

    @Test
    void shouldRejectAddedStockWhenTheSkuWouldOverflow() {
        var rejection = stock.given(new StockAdded(SKU, Integer.MAX_VALUE - 10), new StockReserved(SKU, ORDER, 5))
                .when(new AddStock(SKU, 11))
                .thenRejected(InventoryDecider.STOCK_LIMIT);
        assertThat(rejection.field()).isEqualTo("quantity");
    }

    @Test
    void shouldAddStockUpToTheLimitWhenItFitsExactly() {
        stock.given(new StockAdded(SKU, Integer.MAX_VALUE - 10))
                .when(new AddStock(SKU, 10))
                .then(new StockAdded(SKU, 10));
    }

    @Test
    void shouldReserveWhenEnoughIsAvailable() {
        Stock after = stock.given(added10).when(new ReserveStock(SKU, ORDER, 4)).then(reserved4);
        assertThat(after.available()).isEqualTo(6);
        assertThat(after.reserved()).isEqualTo(4);
        assertThat(after.orders()).containsEntry(ORDER, new Reservation(4, Reservation.Status.RESERVED));
    }

    @Test
    void shouldReserveWhenExactlyTheQuantityIsAvailable() {
        Stock after = stock.given(added10, reserved4)
                .when(new ReserveStock(SKU, "order-2", 6))
                .then(new StockReserved(SKU, "order-2", 6));
        assertThat(after.available()).isZero();
        assertThat(after.reserved()).isEqualTo(10);
    }

    @Test
    void shouldFailTheReservationWhenTooFewAreAvailable() {
        Stock after = stock.given(added10, reserved4)
                .when(new ReserveStock(SKU, "order-2", 7))
                .then(new StockReservationFailed(SKU, "order-2", 7, 6));
        assertThat(after.available()).isEqualTo(6);
        assertThat(after.reserved()).isEqualTo(4);
        assertThat(after.orders()).containsEntry("order-2", new Reservation(7, Reservation.Status.FAILED));
    }

    @Test
    void shouldFailTheReservationWithNothingAvailableWhenTheSkuWasNeverStocked() {
        stock.given().when(new ReserveStock(SKU, ORDER, 1)).then(new StockReservationFailed(SKU, ORDER, 1, 0));
    }

    @Test
    void shouldDoNothingWhenAReservationIsAskedTwice() {
        stock.given(added10, reserved4).when(new ReserveStock(SKU, ORDER, 4)).then();
    }

    @Test
    void shouldNotRetryWhenTheOrdersReservationFailedBefore() {
        stock.given(new StockReservationFailed(SKU, ORDER, 4, 0), added10).when(new ReserveStock(SKU, ORDER, 4)).then();
    }

    @Test
    void shouldNotReserveAgainWhenTheOrderWasReleased() {
        stock.given(added10, reserved4, new StockReleased(SKU, ORDER, 4)).when(new ReserveStock(SKU, ORDER, 4)).then();
    }

    @Test
    void shouldReleaseTheReservedQuantityWhenTheOrderHoldsIt() {
        Stock after = stock.given(added10, reserved4)
                .when(new ReleaseStock(SKU, ORDER))
                .then(new StockReleased(SKU, ORDER, 4));
        assertThat(after.available()).isEqualTo(10);
        assertThat(after.reserved()).isZero();
        assertThat(after.orders()).containsEntry(ORDER, new Reservation(4, Reservation.Status.RELEASED));
    }

    @Test
    void shouldDoNothingWhenAReleaseIsAskedTwice() {
        stock.given(added10, reserved4, new StockReleased(SKU, ORDER, 4)).when(new ReleaseStock(SKU, ORDER)).then();
    }

    @Test
    void shouldReleaseNothingWhenTheReservationFailed() {
        stock.given(new StockReservationFailed(SKU, ORDER, 4, 0)).when(new ReleaseStock(SKU, ORDER)).then();
    }

    @Test
    void shouldRecordNothingWhenAReleaseComesForAnOrderNeverSeen() {
        Stock after = stock.given(added10).when(new ReleaseStock(SKU, ORDER)).then();
        assertThat(after.orders()).isEmpty();
    }

    @Test
    void shouldNotReleaseWhenTheReservationHasShipped() {
        stock.given(added10, reserved4, new StockShipped(SKU, ORDER, 4)).when(new ReleaseStock(SKU, ORDER)).then();
    }

    @Test
    void shouldShipTheReservedQuantityWhenTheOrderHoldsIt() {
        Stock after = stock.given(added10, reserved4)
                .when(new ShipStock(SKU, ORDER))
                .then(new StockShipped(SKU, ORDER, 4));
        assertThat(after.available()).isEqualTo(6);
        assertThat(after.reserved()).isZero();
        assertThat(after.orders()).containsEntry(ORDER, new Reservation(4, Reservation.Status.SHIPPED));
    }

    @Test
    void shouldDoNothingWhenAShipmentIsAskedTwice() {
        stock.given(added10, reserved4, new StockShipped(SKU, ORDER, 4)).when(new ShipStock(SKU, ORDER)).then();
    }

    @Test
    void shouldShipNothingWhenTheReservationWasReleasedOrNeverMade() {
        stock.given(added10, reserved4, new StockReleased(SKU, ORDER, 4)).when(new ShipStock(SKU, ORDER)).then();
        stock.given(added10).when(new ShipStock(SKU, ORDER)).then();
        stock.given(new StockReservationFailed(SKU, ORDER, 4, 0)).when(new ShipStock(SKU, ORDER)).then();
    }

    @Test
    void shouldKeepAvailablePlusReservedEqualToAddedMinusShippedWhenOrdersComeAndGo() {
        Stock after = new InventoryDecider().fold(List.of(added10, reserved4,
                new StockReserved(SKU, "order-2", 3), new StockReservationFailed(SKU, "order-3", 9, 3),
                new StockShipped(SKU, ORDER, 4), new StockReleased(SKU, "order-2", 3), new StockAdded(SKU, 5)));
        assertThat(after.available() + after.reserved()).isEqualTo(10 + 5 - 4);
        assertThat(after.available()).isEqualTo(11);
        assertThat(after.reserved()).isZero();
    }
}
