package io.eventline.accounts;

import io.eventline.contracts.Money;
import java.util.Objects;

/** A customer's wallet: what the decider needs to know, nothing more. */
public record Account(Money balance) {
    public static final Account EMPTY = new Account(Money.ZERO);

    public Account {
        Objects.requireNonNull(balance, "balance");
    }
}
