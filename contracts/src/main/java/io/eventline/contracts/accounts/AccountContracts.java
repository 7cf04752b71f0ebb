package io.eventline.contracts.accounts;

import io.eventline.core.envelope.Catalogue;

/**
 * The accounts aggregate's message catalogues: every type on its topics and its current version.
 * Changing a record here changes a public contract; the golden files in the tests hold every version
 * ever written, and the build fails when one of them can no longer be read.
 */
public final class AccountContracts {
    /** The aggregate's name: its topics are {@code accounts.events}, {@code accounts.commands}, … */
    public static final String NAME = "accounts";

    public static final Catalogue<AccountEvent> EVENTS = Catalogue.of(AccountEvent.class)
            .add("account.deposited", AccountDeposited.class)
            .add("account.withdrawn", AccountWithdrawn.class)
            .build();

    public static final Catalogue<AccountCommand> COMMANDS = Catalogue.of(AccountCommand.class)
            .add("account.deposit", Deposit.class)
            .add("account.withdraw", Withdraw.class)
            .build();

    private AccountContracts() {
    }
}
