package io.eventline.accounts;

import io.eventline.contracts.Money;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A customer's wallet: the balance, and what happened to each order's payment, so that taking and
 * refunding are each done once per order however often they are asked. Folded from all its events (a
 * unit test, an as-of query), {@code payments} holds every order the account has paid for; the
 * decider runtime keeps each payment under its own key beside the snapshot
 * ({@link AccountsService#PAYMENTS}) and hands a command only its own order's, so a command costs the
 * same however many orders came before.
 */
public record Account(Money balance, Map<String, Payment> payments) {
    public static final Account EMPTY = new Account(Money.ZERO, Map.of());

    public Account {
        Objects.requireNonNull(balance, "balance");
        payments = Map.copyOf(payments);
    }

    /** One order's payment. */
    public record Payment(Money amount, Status status) {
        public enum Status { TAKEN, FAILED, REFUNDED }
    }

    Account withBalance(Money newBalance) {
        return new Account(newBalance, payments);
    }

    Account withPayments(Map<String, Payment> byOrder) {
        return new Account(balance, byOrder);
    }

    Account withPayment(String orderId, Payment payment) {
        Map<String, Payment> next = new HashMap<>(payments);
        next.put(orderId, payment);
        return new Account(balance, next);
    }

    boolean hasPaymentFor(String orderId) {
        return payments.containsKey(orderId);
    }

    boolean tookPaymentFor(String orderId) {
        Payment payment = payments.get(orderId);
        return payment != null && payment.status() == Payment.Status.TAKEN;
    }
}
