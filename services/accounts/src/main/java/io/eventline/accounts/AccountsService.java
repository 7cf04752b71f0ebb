package io.eventline.accounts;

import io.eventline.contracts.accounts.AccountCommand;
import io.eventline.contracts.accounts.AccountContracts;
import io.eventline.contracts.accounts.AccountEvent;
import io.eventline.core.decider.Aggregate;
import io.eventline.contracts.orders.OrderContracts;
import io.eventline.core.decider.DeciderTopology;
import io.eventline.core.reaction.ReactionTopology;
import org.apache.kafka.streams.StreamsBuilder;

/** The accounts service: its aggregate and its topology. The app runs it and mounts its routes. */
public final class AccountsService {
    public static final Aggregate<AccountCommand, Account, AccountEvent> AGGREGATE = new Aggregate<>(
            AccountContracts.NAME, new AccountDecider(), AccountContracts.COMMANDS, AccountContracts.EVENTS,
            Account.class);

    private AccountsService() {
    }

    /** The decider, and in the choreographed saga the payments' reaction to orders. */
    public static void addTo(StreamsBuilder builder) {
        DeciderTopology.addTo(builder, AGGREGATE);
        ReactionTopology.addTo(builder, "accounts-on-orders", OrderContracts.TOPIC, OrderContracts.EVENTS,
                new PaymentReaction(), AGGREGATE);
    }
}
