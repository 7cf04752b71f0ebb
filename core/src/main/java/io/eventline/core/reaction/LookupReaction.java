package io.eventline.core.reaction;

import java.util.List;

/**
 * A {@link Reaction} that also reads local state, e.g. the customer's address from shipping's own
 * copy of the customers topic. Still pure given what it reads: no I/O beyond the lookups.
 */
@FunctionalInterface
public interface LookupReaction<E, C> {
    List<Routed<C>> react(E event, Lookups lookups);
}
