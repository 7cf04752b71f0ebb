package io.eventline.core.decider;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Facts an aggregate keeps once per item it has dealt with, e.g. a wallet's payment per order, so
 * that a command for that item is done once however often it comes. Kept in the snapshot they would
 * grow with every item, and the runtime reads, writes and logs the snapshot on every command. So the
 * runtime keeps each entry under its own key ({@code aggregateId|entryKey}) in the aggregate's
 * entry store beside the snapshot, in the same transaction, and puts into the state a command sees
 * only the one entry it names ({@link #keyOf}); the snapshot and the replies hold none.
 *
 * <p>The decider stays pure and unaware of this, as long as it keeps one rule: deciding a command reads
 * no entry but the one {@code keyOf} names, and evolving an event changes no entry but that event's.
 * Its unit tests fold every event, with every entry, as before.
 *
 * {@snippet :
 * Entries<WalletCommand, Wallet, Payment> payments = new Entries<>(Payment.class,
 *         WalletDecider::paymentOf, Wallet::payments, Wallet::withPayments);
 * }
 *
 * @param type the entry's record type, written as JSON
 * @param keyOf the key of the entry a command reads (ids: {@code [A-Za-z0-9._-]}), empty when none; it
 *     sees the command as sent, before any {@link CommandPreparer}
 * @param of the entries in a state
 * @param with the state with these entries instead of its own
 * @param <V> an entry
 */
public record Entries<C, S, V>(Class<V> type, Function<? super C, Optional<String>> keyOf,
                               Function<? super S, Map<String, V>> of, BiFunction<S, Map<String, V>, S> with) {
    public Entries {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(keyOf, "keyOf");
        Objects.requireNonNull(of, "of");
        Objects.requireNonNull(with, "with");
    }

    /** For an aggregate whose state is bounded as it is: every fact stays in the snapshot. */
    public static <C, S> Entries<C, S, Void> none() {
        return new Entries<>(Void.class, command -> Optional.empty(), state -> Map.of(), (state, entries) -> state);
    }

    /** The state without its entries: what the snapshot, views and replies hold. */
    public S bare(S state) {
        return of.apply(state).isEmpty() ? state : with.apply(state, Map.of());
    }

    /** The key in the entry store: ids never contain '|' (docs/api.md), so no aggregate's range is another's. */
    static String storeKey(String aggregateId, String entryKey) {
        return prefix(aggregateId) + entryKey;
    }

    static String prefix(String aggregateId) {
        return aggregateId + "|";
    }
}
