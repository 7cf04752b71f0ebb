package io.eventline.contracts.accounts;

import io.eventline.core.envelope.Catalogue;
import io.eventline.core.kafka.AggregateTopics;

/**
 * The accounts aggregate's message catalogues: every type on its topics and its current version.
 * Changing a record here changes a public contract; the golden files in the tests hold every version
 * ever written, and the build fails when one of them can no longer be read.
 */
public final class AccountContracts {
    /** The aggregate's name: its topics are {@code accounts.events}, {@code accounts.commands}, … */
    public static final String NAME = "accounts";
    /** Its commands, events and replies topics, named after it (the rule of {@link AggregateTopics}). */
    public static final AggregateTopics TOPICS = AggregateTopics.of(NAME);
    /** The public event topic, keyed by aggregate id; new consumers read it from offset 0. */
    public static final String TOPIC = TOPICS.events().name();

    public static final Catalogue<AccountEvent> EVENTS = Catalogue.of(AccountEvent.class)
            .add("account.deposited", AccountDeposited.class)
            .add("account.withdrawn", AccountWithdrawn.class)
            .add("payment.taken", PaymentTaken.class)
            .add("payment.failed", PaymentFailed.class)
            .add("payment.refunded", PaymentRefunded.class)
            .build();

    public static final Catalogue<AccountCommand> COMMANDS = Catalogue.of(AccountCommand.class)
            .add("account.deposit", Deposit.class)
            .add("account.withdraw", Withdraw.class)
            .add("payment.take", TakePayment.class)
            .add("payment.refund", RefundPayment.class)
            .build();

    private AccountContracts() {
    }
}
