package io.eventline.contracts.accounts;

/** What happens to a customer's account, on {@code accounts.events} keyed by customer id. */
public sealed interface AccountEvent
        permits AccountDeposited, AccountWithdrawn, PaymentTaken, PaymentFailed, PaymentRefunded {
    String customerId();
}
