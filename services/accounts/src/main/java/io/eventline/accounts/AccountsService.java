package io.eventline.accounts;

import io.eventline.accounts.Account.Payment;
import io.eventline.contracts.accounts.AccountCommand;
import io.eventline.contracts.accounts.AccountContracts;
import io.eventline.contracts.accounts.AccountEvent;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.core.decider.Aggregate;
import io.eventline.core.decider.DeciderTopology;
import io.eventline.core.decider.Entries;
import io.eventline.core.kafka.Sources;
import io.eventline.core.projection.AggregateProjector;
import io.eventline.core.projection.Projection;
import io.eventline.core.reaction.ReactionTopology;

/** The accounts service: its aggregate and its topology. The app runs it and mounts its routes. */
public final class AccountsService {
    /** Each order's payment from an account, kept under {@code customerId|orderId} beside its snapshot. */
    public static final Entries<AccountCommand, Account, Payment> PAYMENTS = new Entries<>(
            Payment.class, AccountDecider::orderOf, Account::payments, Account::withPayments);
    public static final Aggregate<AccountCommand, Account, AccountEvent> AGGREGATE = new Aggregate<>(
            AccountContracts.NAME, new AccountDecider(), AccountContracts.COMMANDS, AccountContracts.EVENTS,
            Account.class).withEntries(PAYMENTS);
    /** The read model of every account's current state, which queries read. */
    public static final Projection<Account> VIEW = AggregateProjector.projection("accounts-view", AGGREGATE);

    private AccountsService() {
    }

    /**
     * The decider, and in the choreographed saga the payments' reaction to orders.
     *
     * @param choreographed whether accounts reacts to orders itself (else an orchestrator commands it)
     */
    public static void addTo(Sources sources, boolean choreographed) {
        DeciderTopology.addTo(sources, AGGREGATE);
        if (choreographed) {
            ReactionTopology.addTo(sources, "accounts-on-orders", OrderContracts.TOPIC, OrderContracts.EVENTS,
                    new PaymentReaction(), AGGREGATE);
        }
    }
}
