package io.eventline.http;

/**
 * The {@code limit} of a list endpoint: how many items one request may be answered, so that no
 * request costs more than its page, with a default when the caller names none.
 */
public final class ListLimit {
    private ListLimit() {
    }

    /**
     * @param value the query parameter, or null
     * @throws ApiException 400 naming {@code field} when it is no integer from 1 to {@code max}
     */
    public static int of(String field, String value, int defaultLimit, int max) {
        if (value == null) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(value); // exactly: " 5" is no limit
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, naming the field
        }
        throw ApiException.badRequest(field, "an integer from 1 to " + max);
    }
}
