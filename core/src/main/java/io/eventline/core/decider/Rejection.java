package io.eventline.core.decider;

import java.util.Objects;

/**
 * A command refused by a decider: a stable {@code code} (e.g. {@code account.insufficient-funds}) that
 * callers branch on, the command {@code field} at fault when there is one (may be null), and a
 * sentence for people.
 */
public final class Rejection extends RuntimeException {
    private final String code;
    private final String field;

    public Rejection(String code, String field, String message) {
        super(message, null, false, false); // a business outcome, not a failure: no stack trace
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
    }

    public Rejection(String code, String field) {
        this(code, field, code);
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
