package io.eventline.accounts;

import io.eventline.contracts.Money;
import io.eventline.contracts.accounts.AccountCommand;
import io.eventline.contracts.accounts.AccountDeposited;
import io.eventline.contracts.accounts.AccountEvent;
import io.eventline.contracts.accounts.AccountWithdrawn;
import io.eventline.contracts.accounts.Deposit;
import io.eventline.contracts.accounts.Withdraw;
import io.eventline.core.decider.Decider;
import io.eventline.core.decider.Rejection;
import java.util.List;

/** The account's rules: amounts are positive, and a withdrawal never takes the balance below zero. */
public final class AccountDecider implements Decider<AccountCommand, Account, AccountEvent> {
    public static final String NOT_POSITIVE = "account.amount-not-positive";
    public static final String INSUFFICIENT_FUNDS = "account.insufficient-funds";
    public static final String BALANCE_LIMIT = "account.balance-limit";

    @Override
    public Account initialState() {
        return Account.EMPTY;
    }

    @Override
    public List<AccountEvent> decide(AccountCommand command, Account account) {
        return switch (command) {
            case Deposit c when !c.amount().isPositive() -> throw notPositive(c.amount());
            case Deposit c when overflows(account.balance(), c.amount()) ->
                    throw new Rejection(BALANCE_LIMIT, "amount", "the balance would exceed what an account holds");
            case Deposit c -> List.of(new AccountDeposited(c.customerId(), c.amount()));
            case Withdraw c when !c.amount().isPositive() -> throw notPositive(c.amount());
            case Withdraw c when account.balance().compareTo(c.amount()) < 0 -> throw new Rejection(
                    INSUFFICIENT_FUNDS, "amount",
                    "funds are short: the balance is " + account.balance() + ", " + c.amount() + " was asked");
            case Withdraw c -> List.of(new AccountWithdrawn(c.customerId(), c.amount()));
        };
    }

    @Override
    public Account evolve(Account account, AccountEvent event) {
        return switch (event) {
            case AccountDeposited e -> new Account(account.balance().plus(e.amount()));
            case AccountWithdrawn e -> new Account(account.balance().minus(e.amount()));
        };
    }

    private static Rejection notPositive(Money amount) {
        return new Rejection(NOT_POSITIVE, "amount", "amount must be greater than 0, was " + amount);
    }

    private static boolean overflows(Money balance, Money amount) {
        return Long.MAX_VALUE - balance.minorUnits() < amount.minorUnits();
    }
}
