package io.eventline.contracts.accounts;

/** What may be asked of an account, on {@code accounts.commands} keyed by customer id. */
public sealed interface AccountCommand permits Deposit, Withdraw, TakePayment, RefundPayment {
    String customerId();
}
