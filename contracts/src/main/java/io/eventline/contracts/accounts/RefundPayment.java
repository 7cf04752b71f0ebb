package io.eventline.contracts.accounts;

import java.util.Objects;

/** Gives back what was taken for an order, once; nothing if nothing was taken. */
public record RefundPayment(String customerId, String orderId) implements AccountCommand {
    public RefundPayment {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(orderId, "orderId");
    }
}
