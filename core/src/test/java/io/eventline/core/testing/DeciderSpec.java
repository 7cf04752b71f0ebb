package io.eventline.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventline.core.decider.Decider;
import io.eventline.core.decider.Rejection;
import java.util.List;

/**
 * Given events, when a command, then events or a rejection: a decider's behaviour as a table of
 * examples, with no Kafka in sight.
 *
 * {@snippet :
 * DeciderSpec.of(new AccountDecider())
 *         .given(new AccountDeposited("alice", money("100")))
 *         .when(new Withdraw("alice", money("130")))
 *         .thenRejected("account.insufficient-funds");
 * }
 */
public final class DeciderSpec<C, S, E> {
    private final Decider<C, S, E> decider;
    private final List<E> history;

    private DeciderSpec(Decider<C, S, E> decider, List<E> history) {
        this.decider = decider;
        this.history = history;
    }

    public static <C, S, E> DeciderSpec<C, S, E> of(Decider<C, S, E> decider) {
        return new DeciderSpec<>(decider, List.of());
    }

    @SafeVarargs
    public final DeciderSpec<C, S, E> given(E... events) {
        return new DeciderSpec<>(decider, List.of(events));
    }

    public Then when(C command) {
        return new Then(command);
    }

    /** The outcome of one command against the given history. */
    public final class Then {
        private final C command;

        private Then(C command) {
            this.command = command;
        }

        @SafeVarargs
        public final S then(E... expected) {
            S state = decider.fold(history);
            List<E> events = decider.decide(command, state);
            assertThat(events).containsExactly(expected);
            for (E event : events) {
                state = decider.evolve(state, event);
            }
            return state;
        }

        public Rejection thenRejected(String code) {
            S state = decider.fold(history);
            Rejection[] caught = new Rejection[1];
            assertThatThrownBy(() -> decider.decide(command, state))
                    .isInstanceOfSatisfying(Rejection.class, r -> caught[0] = r)
                    .satisfies(r -> assertThat(((Rejection) r).code()).isEqualTo(code));
            return caught[0];
        }
    }
}
