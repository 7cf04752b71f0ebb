package io.eventline.contracts.accounts;

import io.eventline.contracts.Money;
import java.util.Objects;

/** {@code account.withdrawn} v1: money taken out of the account by its owner. */
public record AccountWithdrawn(String customerId, Money amount) implements AccountEvent {
    public AccountWithdrawn {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
    }
}
