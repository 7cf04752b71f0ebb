package io.eventline.core.query;

import io.eventline.core.failure.NotReady;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * Reads of local state stores on behalf of a caller: a store that is restoring or being moved by a
 * rebalance is {@link NotReady} (ask again), never an unexpected error.
 */
public final class StoreReads {
    private StoreReads() {
    }

    /**
     * @param what the store's owner, for the message ("the orders store is not ready…")
     * @throws NotReady while the store restores or a rebalance moves it
     */
    public static <T> T read(String what, Supplier<T> query) {
        try {
            return query.get();
        } catch (InvalidStateStoreException e) {
            throw new NotReady("the " + what + " store is not ready (restoring or rebalancing); retry", e);
        }
    }
}
