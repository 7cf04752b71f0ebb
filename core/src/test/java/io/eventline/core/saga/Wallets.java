package io.eventline.core.saga;

import io.eventline.core.decider.Aggregate;
import io.eventline.core.decider.Decider;
import io.eventline.core.envelope.Catalogue;
import java.util.List;

/** A toy aggregate for the saga's tests: a wallet that a charge may find short (an outcome, not a rejection). */
final class Wallets {
    sealed interface WalletCommand permits Fund, Charge, Refund {
    }

    record Fund(long amount) implements WalletCommand {
    }

    record Charge(long amount) implements WalletCommand {
    }

    record Refund(long amount) implements WalletCommand {
    }

    sealed interface WalletEvent permits Funded, Charged, ChargeDeclined, Refunded {
    }

    record Funded(long amount) implements WalletEvent {
    }

    record Charged(long amount) implements WalletEvent {
    }

    record ChargeDeclined(long amount) implements WalletEvent {
    }

    record Refunded(long amount) implements WalletEvent {
    }

    record Wallet(long balance, long charged) {
    }

    static final class WalletDecider implements Decider<WalletCommand, Wallet, WalletEvent> {
        @Override
        public Wallet initialState() {
            return new Wallet(0, 0);
        }

        @Override
        public List<WalletEvent> decide(WalletCommand command, Wallet wallet) {
            return switch (command) {
                case Fund c -> List.of(new Funded(c.amount()));
                case Charge c when wallet.balance() < c.amount() -> List.of(new ChargeDeclined(c.amount()));
                case Charge c -> List.of(new Charged(c.amount()));
                case Refund c when wallet.charged() < c.amount() -> List.of(); // nothing taken: nothing to give back
                case Refund c -> List.of(new Refunded(c.amount()));
            };
        }

        @Override
        public Wallet evolve(Wallet wallet, WalletEvent event) {
            return switch (event) {
                case Funded e -> new Wallet(wallet.balance() + e.amount(), wallet.charged());
                case Charged e -> new Wallet(wallet.balance() - e.amount(), wallet.charged() + e.amount());
                case ChargeDeclined e -> wallet;
                case Refunded e -> new Wallet(wallet.balance() + e.amount(), wallet.charged() - e.amount());
            };
        }
    }

    static final Aggregate<WalletCommand, Wallet, WalletEvent> AGGREGATE = new Aggregate<>("wallets",
            new WalletDecider(),
            Catalogue.of(WalletCommand.class).add("wallet.fund", Fund.class).add("wallet.charge", Charge.class)
                    .add("wallet.refund", Refund.class).build(),
            Catalogue.of(WalletEvent.class).add("wallet.funded", Funded.class).add("wallet.charged", Charged.class)
                    .add("wallet.charge-declined", ChargeDeclined.class).add("wallet.refunded", Refunded.class)
                    .build(),
            Wallet.class);

    private Wallets() {
    }
}
