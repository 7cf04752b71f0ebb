package io.eventline.accounts;

import io.eventline.contracts.accounts.AccountCommand;
import io.eventline.contracts.accounts.AccountContracts;
import io.eventline.contracts.accounts.AccountEvent;
import io.eventline.core.decider.Aggregate;
import io.eventline.core.decider.DeciderTopology;
import org.apache.kafka.streams.StreamsBuilder;

/** The accounts service: its aggregate and its topology. The app runs it and mounts its routes. */
public final class AccountsService {
    public static final Aggregate<AccountCommand, Account, AccountEvent> AGGREGATE = new Aggregate<>(
            AccountContracts.NAME, new AccountDecider(), AccountContracts.COMMANDS, AccountContracts.EVENTS,
            Account.class);

    private AccountsService() {
    }

    public static void addTo(StreamsBuilder builder) {
        DeciderTopology.addTo(builder, AGGREGATE);
    }
}
