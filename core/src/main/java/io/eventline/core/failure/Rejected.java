package io.eventline.core.failure;

import java.util.Optional;

/**
 * The ask conflicts with what already happened (a dead letter already replayed, a replay started
 * meanwhile): asking again as it is will not help.
 */
public final class Rejected extends Failure {
    private final String field;

    /** @param field the argument the conflict is about, or null when it is about the whole ask */
    public Rejected(String field, String message) {
        super(message, null);
        this.field = field;
    }

    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
