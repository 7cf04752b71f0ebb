package io.eventline.http;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Query parameters that are durations, written as docs/api.md says: {@code 500ms}, {@code 5s}, at most 30 s. */
public final class Durations {
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,6})(ms|s)");
    private static final Duration MAX = Duration.ofSeconds(30);

    private Durations() {
    }

    /** @return null when the parameter is absent */
    public static Duration optional(String name, String value) {
        if (value == null) {
            return null;
        }
        Matcher matcher = DURATION.matcher(value);
        if (!matcher.matches()) {
            throw ApiException.badRequest(name, "a duration such as 500ms or 5s");
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration duration = matcher.group(2).equals("ms") ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
        if (duration.compareTo(MAX) > 0) {
            throw ApiException.badRequest(name, "at most 30s");
        }
        return duration;
    }
}
