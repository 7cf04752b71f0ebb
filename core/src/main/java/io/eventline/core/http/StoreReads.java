package io.eventline.core.http;

import java.util.function.Supplier;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/** Reads of local state stores from a request: "not ready" is a 503 to retry, never a 500. */
public final class StoreReads {
    private StoreReads() {
    }

    /**
     * @param what the store's owner, for the answer ("the orders store is not ready…")
     * @throws ApiException 503 while the store restores or a rebalance moves it
     */
    public static <T> T read(String what, Supplier<T> query) {
        try {
            return query.get();
        } catch (InvalidStateStoreException e) {
            throw ApiException.unavailable("the " + what + " store is not ready (restoring or rebalancing); retry");
        }
    }
}
