package io.eventline.core.saga;

import io.eventline.core.decider.StoreProvider;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads sagas from this instance's {@code <saga>-state} store, e.g. to show a saga's step log. A
 * store that is restoring or rebalancing throws Kafka's {@code InvalidStateStoreException}: callers
 * answer "not ready" rather than a wrong value. Thread-safe.
 */
public final class SagaQueries<D> {
    private final SagaDefinition<D> saga;
    private final StoreProvider stores;
    private final SagaStateCodec<D> codec;

    public SagaQueries(SagaDefinition<D> saga, StoreProvider stores) {
        this.saga = Objects.requireNonNull(saga, "saga");
        this.stores = Objects.requireNonNull(stores, "stores");
        this.codec = new SagaStateCodec<>(saga);
    }

    /** The saga as last committed; empty when no saga of that id started (on this instance). */
    public Optional<SagaState<D>> find(String sagaId) {
        return Optional.ofNullable(stores.store(saga.stateStore()).get(sagaId)).map(codec::read);
    }
}
