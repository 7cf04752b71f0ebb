package io.eventline.core.reaction;

import java.util.List;

/**
 * How a service reacts to another's event, in the choreographed style: pure, from an event to the
 * commands it asks of the service's own aggregate (none when the event does not concern it). The
 * commands then go through the aggregate's decider like any other, so a reaction never changes state
 * itself, and a reaction that fires twice meets a decider that knows it already did the work.
 *
 * @param <E> the events of the topic it listens to
 * @param <C> the commands of the aggregate it drives
 */
@FunctionalInterface
public interface Reaction<E, C> {
    List<Routed<C>> react(E event);
}
