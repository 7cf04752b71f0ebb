package io.eventline.contracts.orders;

import java.util.Objects;

/** The order's payment was taken (from {@code payment.taken}). */
public record ConfirmPayment(String orderId) implements OrderCommand {
    public ConfirmPayment {
        Objects.requireNonNull(orderId, "orderId");
    }
}
