package io.eventline.core.projection;

import io.eventline.core.decider.Aggregate;
import io.eventline.core.envelope.EventEnvelope;
import java.util.List;
import java.util.Optional;

/**
 * The read model of an aggregate's current state: its own events folded with its decider's
 * {@code evolve}, keyed by aggregate id. Queries read this instead of the decider's snapshot store,
 * so the write side can change its storage without a reader noticing, and the view can be rebuilt. It
 * keeps the state without its {@link io.eventline.core.decider.Entries}, which would grow with every
 * item the aggregate deals with.
 *
 * {@snippet :
 * Projection<Account> accounts = AggregateProjector.projection("accounts-view", AccountsService.AGGREGATE);
 * }
 */
public final class AggregateProjector<C, S, E> implements Projector<S> {
    private final Aggregate<C, S, E> aggregate;

    private AggregateProjector(Aggregate<C, S, E> aggregate) {
        this.aggregate = aggregate;
    }

    public static <C, S, E> Projection<S> projection(String name, Aggregate<C, S, E> aggregate) {
        return new Projection<>(name, List.of(aggregate.eventTopic()), aggregate.stateType(),
                new AggregateProjector<>(aggregate), false);
    }

    @Override
    public S initial() {
        return aggregate.decider().initialState();
    }

    @Override
    public Optional<String> keyOf(EventEnvelope event) {
        return aggregate.events().find(event.eventType()).isPresent() ? Optional.of(event.aggregateId())
                : Optional.empty();
    }

    /** Its entries left out: the view answers for the aggregate, not for each item it dealt with. */
    @Override
    public S apply(S state, EventEnvelope event) {
        return aggregate.entries().bare(aggregate.decider().evolve(state,
                aggregate.events().decode(event.eventType(), event.version(), event.data())));
    }
}
