package io.eventline.app.fuzz;

import java.util.Optional;
import java.util.Set;

/** What the API must answer: one of these statuses and, when known, the field {@code errors[0]} names. */
public record Expectation(Set<Integer> statuses, Optional<String> field) {
    public Expectation {
        statuses = Set.copyOf(statuses);
    }

    static Expectation field(int status, String field) {
        return new Expectation(Set.of(status), Optional.of(field));
    }

    static Expectation status(Integer... statuses) {
        return new Expectation(Set.of(statuses), Optional.empty());
    }
}
