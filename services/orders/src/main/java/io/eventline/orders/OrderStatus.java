package io.eventline.orders;

/** Where an order is in its saga (docs/api.md): payment first, then stock, then shipment; or cancelled. */
public enum OrderStatus {
    NONE, PLACED, PAID, RESERVED, SHIPPED, CANCELLED;

    public boolean isTerminal() {
        return this == SHIPPED || this == CANCELLED;
    }
}
