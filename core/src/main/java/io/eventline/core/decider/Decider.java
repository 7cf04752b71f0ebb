package io.eventline.core.decider;

import java.util.List;

/**
 * An event-sourced aggregate as two pure functions: {@code decide} answers a command with the events
 * it causes (or throws a {@link Rejection}), {@code evolve} folds one event into the state. No I/O, no
 * clock, no random ids: whatever varies arrives in the command, so that replaying a command against
 * the same state always gives the same events. {@link DeciderTopology} runs it on Kafka Streams.
 *
 * @param <C> the commands (a sealed interface of records)
 * @param <S> the state, a record; {@link #initialState()} is the state before any event
 * @param <E> the events (a sealed interface of records)
 */
public interface Decider<C, S, E> {
    S initialState();

    /** @throws Rejection when the command may not happen in this state; nothing is appended then */
    List<E> decide(C command, S state);

    S evolve(S state, E event);

    /** The state after the given events, from the initial state. */
    default S fold(List<? extends E> events) {
        S state = initialState();
        for (E event : events) {
            state = evolve(state, event);
        }
        return state;
    }
}
