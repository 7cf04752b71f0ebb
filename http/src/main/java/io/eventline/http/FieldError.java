package io.eventline.http;

import java.util.Objects;

/** One field at fault in a request: its JSON path ({@code items[0].quantity}) and what is wrong. */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
