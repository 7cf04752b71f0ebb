package io.eventline.accounts;

import io.eventline.accounts.Account.Payment;
import io.eventline.contracts.Money;
import io.eventline.contracts.accounts.AccountCommand;
import io.eventline.contracts.accounts.AccountDeposited;
import io.eventline.contracts.accounts.AccountEvent;
import io.eventline.contracts.accounts.AccountWithdrawn;
import io.eventline.contracts.accounts.Deposit;
import io.eventline.contracts.accounts.PaymentFailed;
import io.eventline.contracts.accounts.PaymentRefunded;
import io.eventline.contracts.accounts.PaymentTaken;
import io.eventline.contracts.accounts.RefundPayment;
import io.eventline.contracts.accounts.TakePayment;
import io.eventline.contracts.accounts.Withdraw;
import io.eventline.core.decider.Decider;
import io.eventline.core.decider.Rejection;
import java.util.List;
import java.util.Optional;

/**
 * The account's rules: amounts are positive; neither a withdrawal nor a payment takes the balance
 * below zero (an exact balance pays); an order's payment is taken once and refunded at most once.
 */
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
            case Withdraw c when isShort(account, c.amount()) -> throw new Rejection(INSUFFICIENT_FUNDS, "amount",
                    "funds are short: the balance is " + account.balance() + ", " + c.amount() + " was asked");
            case Withdraw c -> List.of(new AccountWithdrawn(c.customerId(), c.amount()));
            case TakePayment c when account.hasPaymentFor(c.orderId()) -> List.of();
            case TakePayment c when isShort(account, c.amount()) ->
                    List.of(new PaymentFailed(c.customerId(), c.orderId(), c.amount()));
            case TakePayment c -> List.of(new PaymentTaken(c.customerId(), c.orderId(), c.amount()));
            case RefundPayment c when account.tookPaymentFor(c.orderId()) -> List.of(new PaymentRefunded(
                    c.customerId(), c.orderId(), account.payments().get(c.orderId()).amount()));
            case RefundPayment c -> List.of();
        };
    }

    @Override
    public Account evolve(Account account, AccountEvent event) {
        return switch (event) {
            case AccountDeposited e -> account.withBalance(account.balance().plus(e.amount()));
            case AccountWithdrawn e -> account.withBalance(account.balance().minus(e.amount()));
            case PaymentTaken e -> account.withBalance(account.balance().minus(e.amount()))
                    .withPayment(e.orderId(), new Payment(e.amount(), Payment.Status.TAKEN));
            case PaymentFailed e -> account.withPayment(e.orderId(), new Payment(e.amount(), Payment.Status.FAILED));
            case PaymentRefunded e -> account.withBalance(account.balance().plus(e.amount()))
                    .withPayment(e.orderId(), new Payment(e.amount(), Payment.Status.REFUNDED));
        };
    }

    /**
     * The order whose payment a command reads; the decider reads no other, and an event changes only
     * its own order's, which lets the runtime keep each apart ({@link AccountsService#PAYMENTS}).
     */
    static Optional<String> orderOf(AccountCommand command) {
        return switch (command) {
            case Deposit c -> Optional.empty();
            case Withdraw c -> Optional.empty();
            case TakePayment c -> Optional.of(c.orderId());
            case RefundPayment c -> Optional.of(c.orderId());
        };
    }

    private static boolean isShort(Account account, Money amount) {
        return account.balance().compareTo(amount) < 0;
    }

    private static Rejection notPositive(Money amount) {
        return new Rejection(NOT_POSITIVE, "amount", "amount must be greater than 0, was " + amount);
    }

    private static boolean overflows(Money balance, Money amount) {
        return Long.MAX_VALUE - balance.minorUnits() < amount.minorUnits();
    }
}
