package io.eventline.contracts.accounts;

import io.eventline.contracts.Money;
import java.util.Objects;

/** Takes an order's total, once per order. */
public record TakePayment(String customerId, String orderId, Money amount) implements AccountCommand {
    public TakePayment {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(amount, "amount");
    }
}
