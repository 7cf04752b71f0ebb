package io.eventline.http;

import io.eventline.core.envelope.Timestamps;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Query parameters that are instants ({@code asOf=2026-11-22T10:00:00.000Z}). */
public final class Instants {
    // Four-digit years only: every such instant fits in epoch milliseconds with room for arithmetic
    // (a period before it, a store's time range), which the extremes Instant can parse do not.
    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    private static final String RULE = "an ISO-8601 UTC instant such as 2026-11-22T10:15:30.000Z, in years 0000 to 9999";

    private Instants() {
    }

    /** @return null when the parameter is absent */
    public static Instant optional(String name, String value) {
        if (value == null) {
            return null;
        }
        Instant instant;
        try {
            instant = Timestamps.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, RULE);
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw ApiException.badRequest(name, RULE);
        }
        return instant;
    }
}
