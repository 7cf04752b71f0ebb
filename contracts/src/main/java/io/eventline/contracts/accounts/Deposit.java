package io.eventline.contracts.accounts;

import io.eventline.contracts.Money;
import java.util.Objects;

public record Deposit(String customerId, Money amount) implements AccountCommand {
    public Deposit {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
    }
}
