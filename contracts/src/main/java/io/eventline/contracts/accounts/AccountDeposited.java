package io.eventline.contracts.accounts;

import io.eventline.contracts.Money;
import java.util.Objects;

/** {@code account.deposited} v1: money paid into the account. */
public record AccountDeposited(String customerId, Money amount) implements AccountEvent {
    public AccountDeposited {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
    }
}
