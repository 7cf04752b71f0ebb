package io.eventline.contracts.orders;

import java.util.Objects;

/** Cancels the order unless it has shipped; cancelling a cancelled order is a no-op. */
public record CancelOrder(String orderId, CancelReason reason) implements OrderCommand {
    public CancelOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(reason, "reason");
    }
}
