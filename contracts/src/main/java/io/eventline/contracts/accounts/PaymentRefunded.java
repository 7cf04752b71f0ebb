package io.eventline.contracts.accounts;

import io.eventline.contracts.Money;
import java.util.Objects;

/** {@code payment.refunded} v1: an order's payment was given back. */
public record PaymentRefunded(String customerId, String orderId, Money amount) implements AccountEvent {
    public PaymentRefunded {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(amount, "amount");
    }
}
