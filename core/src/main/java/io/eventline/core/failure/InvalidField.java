package io.eventline.core.failure;

import java.util.Objects;

/**
 * One argument is out of its range or unreadable: {@link #field()} names it (its path, such as
 * {@code items[0].quantity}), {@link #rule()} says what it must be. The message reads
 * {@code field: rule}.
 */
public final class InvalidField extends Failure {
    private final String field;
    private final String rule;

    public InvalidField(String field, String rule) {
        super(Objects.requireNonNull(field, "field") + ": " + Objects.requireNonNull(rule, "rule"), null);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
