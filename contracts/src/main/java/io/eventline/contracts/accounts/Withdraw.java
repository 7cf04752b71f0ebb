package io.eventline.contracts.accounts;

import io.eventline.contracts.Money;
import java.util.Objects;

public record Withdraw(String customerId, Money amount) implements AccountCommand {
    public Withdraw {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(amount, "amount");
    }
}
