package io.eventline.core.saga;

import io.eventline.core.decider.Aggregate;
import io.eventline.core.decider.StoreProvider;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads sagas from this instance's {@code <saga>-state} store, or from beside the snapshots of the
 * aggregate it runs in place with ({@link SagaTopology#inPlace}), e.g. to show a saga's step log. A
 * store that is restoring or rebalancing throws Kafka's {@code InvalidStateStoreException}: callers
 * answer "not ready" rather than a wrong value. Thread-safe.
 */
public final class SagaQueries<D> {
    private final SagaDefinition<D> saga;
    private final StoreProvider stores;
    private final SagaStateCodec<D> codec;
    private final Aggregate<?, ?, ?> host;

    /** A saga added with {@link SagaTopology#addTo}. */
    public SagaQueries(SagaDefinition<D> saga, StoreProvider stores) {
        this(saga, stores, null);
    }

    private SagaQueries(SagaDefinition<D> saga, StoreProvider stores, Aggregate<?, ?, ?> host) {
        this.saga = Objects.requireNonNull(saga, "saga");
        this.stores = Objects.requireNonNull(stores, "stores");
        this.codec = new SagaStateCodec<>(saga);
        this.host = host;
    }

    /** A saga added with {@link SagaTopology#inPlace} with {@code target}. */
    public static <D> SagaQueries<D> hosted(SagaDefinition<D> saga, Aggregate<?, ?, ?> target, StoreProvider stores) {
        return new SagaQueries<>(saga, stores, Objects.requireNonNull(target, "target"));
    }

    /** The saga as last committed; empty when no saga of that id started (on this instance). */
    public Optional<SagaState<D>> find(String sagaId) {
        byte[] state = host == null ? stores.store(saga.stateStore()).get(sagaId)
                : SagaStore.read(stores.store(host.snapshotStore()), stores.store(saga.stateStore()), saga.name(),
                        sagaId);
        return Optional.ofNullable(state).map(codec::read);
    }
}
