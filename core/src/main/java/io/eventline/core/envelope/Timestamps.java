package io.eventline.core.envelope;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** ISO-8601 UTC with exactly millisecond precision on write (docs/api.md), any precision on read. */
public final class Timestamps {
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String format(Instant instant) {
        return MILLIS.format(instant);
    }

    public static Instant ofEpochMilli(long millis) {
        return Instant.ofEpochMilli(millis);
    }

    /** Truncated to milliseconds, the precision Kafka record timestamps carry. */
    public static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /** @throws DateTimeParseException when the text is not an ISO-8601 instant */
    public static Instant parse(String text) {
        return Instant.parse(text);
    }
}
