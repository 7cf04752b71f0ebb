package io.eventline.contracts.accounts;

import io.eventline.contracts.Money;
import java.util.Objects;

/** {@code payment.taken} v1: an order's total was taken from the account. */
public record PaymentTaken(String customerId, String orderId, Money amount) implements AccountEvent {
    public PaymentTaken {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(amount, "amount");
    }
}
