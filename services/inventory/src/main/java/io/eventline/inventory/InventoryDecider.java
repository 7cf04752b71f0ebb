package io.eventline.inventory;

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
import io.eventline.core.decider.Decider;
import io.eventline.core.decider.Rejection;
import io.eventline.inventory.Stock.Reservation;
import java.util.List;
import java.util.Optional;

/**
 * A sku's rules: stock added is positive; an order's reservation is all of its quantity or nothing
 * (an exact available reserves), decided once per order; only a reservation still held is released
 * or shipped, once. So for every sku, available + reserved = added − shipped, and neither goes below 0.
 */
public final class InventoryDecider implements Decider<InventoryCommand, Stock, InventoryEvent> {
    public static final String NOT_POSITIVE = "stock.quantity-not-positive";
    public static final String STOCK_LIMIT = "stock.limit";

    @Override
    public Stock initialState() {
        return Stock.EMPTY;
    }

    @Override
    public List<InventoryEvent> decide(InventoryCommand command, Stock stock) {
        return switch (command) {
            // AddStock's constructor refuses such a quantity already; the decider states the rule all the same.
            case AddStock c when c.quantity() < 1 -> throw new Rejection(NOT_POSITIVE, "quantity",
                    "quantity must be at least 1, was " + c.quantity());
            case AddStock c when overflows(stock, c.quantity()) -> throw new Rejection(STOCK_LIMIT, "quantity",
                    "the sku's stock would exceed " + Integer.MAX_VALUE + " units");
            case AddStock c -> List.of(new StockAdded(c.sku(), c.quantity()));
            case ReserveStock c when stock.knowsOrder(c.orderId()) -> List.of();
            case ReserveStock c when stock.available() < c.quantity() -> List.of(
                    new StockReservationFailed(c.sku(), c.orderId(), c.quantity(), stock.available()));
            case ReserveStock c -> List.of(new StockReserved(c.sku(), c.orderId(), c.quantity()));
            case ReleaseStock c when stock.heldBy(c.orderId()) > 0 ->
                    List.of(new StockReleased(c.sku(), c.orderId(), stock.heldBy(c.orderId())));
            case ReleaseStock c -> List.of();
            case ShipStock c when stock.heldBy(c.orderId()) > 0 ->
                    List.of(new StockShipped(c.sku(), c.orderId(), stock.heldBy(c.orderId())));
            case ShipStock c -> List.of();
        };
    }

    @Override
    public Stock evolve(Stock stock, InventoryEvent event) {
        return switch (event) {
            case StockAdded e -> stock.withCounts(stock.available() + e.quantity(), stock.reserved());
            case StockReserved e -> stock.withCounts(stock.available() - e.quantity(), stock.reserved() + e.quantity())
                    .withReservation(e.orderId(), new Reservation(e.quantity(), Reservation.Status.RESERVED));
            case StockReservationFailed e ->
                    stock.withReservation(e.orderId(), new Reservation(e.quantity(), Reservation.Status.FAILED));
            case StockReleased e -> stock.withCounts(stock.available() + e.quantity(), stock.reserved() - e.quantity())
                    .withReservation(e.orderId(), new Reservation(e.quantity(), Reservation.Status.RELEASED));
            case StockShipped e -> stock.withCounts(stock.available(), stock.reserved() - e.quantity())
                    .withReservation(e.orderId(), new Reservation(e.quantity(), Reservation.Status.SHIPPED));
        };
    }

    /**
     * The order whose reservation a command reads; the decider reads no other, and an event changes
     * only its own order's, which lets the runtime keep each apart ({@link InventoryService#RESERVATIONS}).
     */
    static Optional<String> orderOf(InventoryCommand command) {
        return switch (command) {
            case AddStock c -> Optional.empty();
            case ReserveStock c -> Optional.of(c.orderId());
            case ReleaseStock c -> Optional.of(c.orderId());
            case ShipStock c -> Optional.of(c.orderId());
        };
    }

    /** Guards the sum, not only available: a release moves reserved units back into available. */
    private static boolean overflows(Stock stock, int quantity) {
        return (long) stock.available() + stock.reserved() + quantity > Integer.MAX_VALUE;
    }
}
