package io.eventline.http;

/** The {@code minVersion} query parameter: read-your-writes, by the version a write answered. */
public final class MinVersion {
    private MinVersion() {
    }

    /** @return 0 when absent */
    public static long of(String value) {
        if (value == null) {
            return 0;
        }
        try {
            long version = Long.parseLong(value);
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below, naming the field
        }
        throw ApiException.badRequest("minVersion", "a version: an integer, 0 or more");
    }
}
