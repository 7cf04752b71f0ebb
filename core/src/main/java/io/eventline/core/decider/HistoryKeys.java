package io.eventline.core.decider;

/**
 * Keys of the history store: {@code aggregateId/version}, the version zero-padded so that the store's
 * byte order is the aggregate's event order and one aggregate's events are one prefix range. Ids
 * never contain '/' (docs/api.md allows {@code [A-Za-z0-9._-]}), so no prefix is another id's.
 */
final class HistoryKeys {
    private static final int DIGITS = 19; // Long.MAX_VALUE's

    private HistoryKeys() {
    }

    static String of(String aggregateId, long version) {
        if (version < 0) {
            throw new IllegalArgumentException("version: at least 0, was " + version);
        }
        // Padded by hand: String.format's parsing of its pattern was a history append's largest cost.
        String digits = Long.toString(version);
        return prefix(aggregateId) + "0".repeat(DIGITS - digits.length()) + digits;
    }

    /** Whether a key is an {@link #of aggregateId/version} key (an aggregate id alone has no '/'). */
    static boolean isVersioned(byte[] key) {
        for (byte b : key) {
            if (b == '/') {
                return true;
            }
        }
        return false;
    }

    static String prefix(String aggregateId) {
        return aggregateId + "/";
    }
}
