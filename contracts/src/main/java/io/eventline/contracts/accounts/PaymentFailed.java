package io.eventline.contracts.accounts;

import io.eventline.contracts.Money;
import java.util.Objects;

/** {@code payment.failed} v1: the balance was below the order's total; nothing was taken. */
public record PaymentFailed(String customerId, String orderId, Money amount) implements AccountEvent {
    public PaymentFailed {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(amount, "amount");
    }
}
