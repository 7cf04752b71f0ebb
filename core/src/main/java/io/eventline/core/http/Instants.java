package io.eventline.core.http;

import io.eventline.core.envelope.Timestamps;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Query parameters that are instants ({@code asOf=2026-11-22T10:00:00.000Z}). */
public final class Instants {
    private Instants() {
    }

    /** @return null when the parameter is absent */
    public static Instant optional(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Timestamps.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, "an ISO-8601 UTC instant such as 2026-11-22T10:15:30.000Z");
        }
    }
}
