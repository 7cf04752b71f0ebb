package io.eventline.http;

import java.util.List;
import java.util.Objects;

/**
 * A request that cannot be served, as an RFC 9457 problem: HTTP status, a short title, a detail for
 * people, and the fields at fault. Handlers throw it; one mapper at the edge writes it as
 * {@code application/problem+json}. No stack trace: it is an answer, not a bug.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String title;
    private final List<FieldError> errors;

    public ApiException(int status, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = Objects.requireNonNull(title, "title");
        this.errors = List.copyOf(errors);
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, "Bad Request", field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "Not Found", detail, List.of());
    }

    public static ApiException conflict(String field, String detail) {
        return new ApiException(409, "Conflict", detail,
                field == null ? List.of() : List.of(new FieldError(field, detail)));
    }

    public static ApiException unavailable(String detail) {
        return new ApiException(503, "Service Unavailable", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }
}
