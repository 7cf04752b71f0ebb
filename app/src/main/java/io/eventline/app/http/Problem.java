package io.eventline.app.http;

import io.eventline.http.FieldError;
import java.util.List;

/** An RFC 9457 problem, as the API answers every error. */
record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    static final String CONTENT_TYPE = "application/problem+json";

    static Problem of(int status, String title, String detail, List<FieldError> errors) {
        return new Problem("about:blank", title, status, detail, List.copyOf(errors));
    }
}
